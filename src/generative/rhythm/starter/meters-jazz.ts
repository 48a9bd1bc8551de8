/** Other meters and swing: shuffles in 12/8, waltzes in 3/4, 5/4 and 7/8 grooves, 6/8 ballads, jazz ride patterns. */
export const METERS_JAZZ = `
loop "Twelve-eight shuffle" 12/8 step 1/8 style shuffle bpm 90
closed-hat  x.x|x.x|x.x|x.x
snare       ...|X..|...|X..
kick        x..|..x|x.x|...

loop "Slow blues" 12/8 bars 2 step 1/8 style blues bpm 80
ride        x66|x66|x66|x66||x66|x66|x66|x66
snare       ...|X..|...|X..||...|X..|...|X.g
kick        x..|..x|x..|...||x..|..x|x..|..x

loop "Texas shuffle" 4/4 step 1/8t style shuffle bpm 120
closed-hat  x.x|x.x|x.x|x.x
snare       ...|X..|...|X..
kick        x.x|..x|x.x|..x

loop "Jazz waltz" 3/4 step 1/8t style waltz bpm 150
ride        x..|x.x|x..
closed-hat  ...|x..|...
snare       ...|..g|.g.
kick        4..|...|...

loop "Pop waltz" 3/4 style waltz bpm 96
closed-hat  x.6.|x.6.|x.6.
snare       ....|X...|X...
kick        x...|....|....

loop "Waltz ballad" 3/4 bars 2 style waltz bpm 84
ride        x.5.|x.5.|x.5.||x.5.|x.5.|x.5.
snare       ....|x...|x...||....|x...|x..g
kick        x...|....|..x.||x...|....|....

loop "Five-four groove" 5/4 style "odd meter" bpm 120
closed-hat  x.x.|x.x.|x.x.|x.x.|x.x.
snare       ....|....|X...|....|X...
kick        x...|..x.|....|x...|....

loop "Five-four funk" 5/4 style funk bpm 100
closed-hat  x6x6|x6x6|x6x6|x6x6|x6x.
open-hat    ....|....|....|....|...x
snare       ....|X..g|..g.|X...|..g.
kick        x..x|....|.xx.|..x.|x...

loop "Seven-eight" 7/8 style "odd meter" bpm 200
closed-hat  x.|x.|x.|x.|x.|x.|x.
snare       ..|..|X.|..|..|X.|..
kick        x.|x.|..|x.|x.|..|..

loop "Six-eight ballad" 6/8 bars 2 step 1/8 style ballad bpm 120
closed-hat  x55|x55||x55|x55
snare       ...|X..||...|X..
kick        x..|...||x.x|...
crash       X..|...||...|...

loop "Jazz swing" 4/4 step 1/8t style jazz bpm 160
ride        8..|x.6|8..|x.6
closed-hat  ...|x..|...|x..
snare       ...|...|..g|...
kick        3..|3..|3..|3..

loop "Jazz comping" 4/4 bars 2 step 1/8t style jazz bpm 200
ride        x..|x.x|x..|x.x||x..|x.x|x..|x.x
closed-hat  ...|x..|...|x..||...|x..|...|x..
snare       ...|..g|...|.g.||..x|...|...|...
kick        ...|...|...|...||...|...|..x|...
`;
