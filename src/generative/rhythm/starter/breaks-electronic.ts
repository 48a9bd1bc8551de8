/** Breakbeats and dance music: chopped breaks, drum & bass, house, techno, garage and Caribbean grooves. */
export const BREAKS_ELECTRONIC = `
loop "Breakbeat one" 4/4 bars 2 style breakbeat bpm 100
closed-hat  x.x.|x.x.|x.x.|x.x.||x.x.|x.x.|x.x.|x...
open-hat    ....|....|....|....||....|....|....|..x.
snare       ....|X..g|.g..|X...||....|X..g|.g..|X.g.
kick        x.x.|....|..xx|....||x.x.|....|..x.|.x..

loop "Breakbeat two" 4/4 bars 2 style breakbeat bpm 96
ride        x.x.|x.x.|x.x.|x.x.||x.x.|x.x.|x.x.|x.x.
snare       ....|X...|...X|..g.||.g..|X...|....|X..g
kick        x.x.|..x.|.x..|..x.||x.x.|....|..x.|....

loop "Jungle" 4/4 bars 2 style jungle bpm 168
ride        x.x.|x.x.|x.x.|x.x.||x.x.|x.x.|x.x.|x.x.
snare       ....|X..g|.g.X|..g.||.g..|X..g|..X.|X.gg
kick        x.x.|....|..x.|....||..x.|....|.x..|....

loop "Drum and bass" 4/4 style "drum and bass" bpm 174
closed-hat  x.x.|x.x.|x.x.|x.x.
snare       ....|X...|....|X...
kick        x...|....|..x.|....

loop "Big beat" 4/4 bars 2 style breakbeat bpm 124
closed-hat  x.x.|x.x.|x.x.|x.x.||x.x.|x.x.|x.x.|x.x.
open-hat    ..x.|..x.|..x.|..x.||..x.|..x.|..x.|..x.
snare       ....|X...|....|X...||....|X...|....|X.XX
kick        X...|..x.|x...|..x.||X...|..x.|x.x.|....

loop "House" 4/4 style house bpm 124
closed-hat  4.4.|4.4.|4.4.|4.4.
open-hat    ..x.|..x.|..x.|..x.
snare       ....|X...|....|X...
kick        X...|X...|X...|X...

loop "Techno" 4/4 bars 2 style techno bpm 132
closed-hat  4464|4464|4464|4464||4464|4464|4464|4464
ride        ..x.|..x.|..x.|..x.||..x.|..x.|..x.|..x.
snare       ....|....|....|....||....|....|....|..5.
kick        X...|X...|X...|X...||X...|X...|X...|X...

loop "Two-step garage" 4/4 style garage bpm 132
closed-hat  x.6>0.4.|x.6>0.4.|x.6>0.4.|x.6>0.4x>0.4
snare       ....|X...|....|X...
kick        x...|...x>0.4|..x.|....

loop "Electro" 4/4 bars 2 style electro bpm 118
closed-hat  x.x.|x.x.|x.x.|x.x.||x.x.|x.x.|x.x.|xxxx
snare       ....|X...|....|X...||....|X...|....|X...
kick        x...|....|..x.|..x.||x...|....|..x.|x...

loop "One drop" 4/4 step 1/8t style reggae bpm 76
closed-hat  x.x|x.x|x.x|x.x
snare       ...|...|X..|...
kick        ...|...|X..|...

loop "Dancehall" 4/4 style dancehall bpm 98
closed-hat  x.x.|x.x.|x.x.|x.x.
snare       ...x|..x.|...x|..x.
kick        x...|x...|x...|x...

loop "Dembow" 4/4 bars 2 style reggaeton bpm 96
closed-hat  x.x.|x.x.|x.x.|x.x.||x.x.|x.x.|x.x.|x.x.
snare       ...x|..x.|...x|..x.||...x|..x.|...x|..xx
kick        X...|x...|X...|x...||X...|x...|X...|x...
`;
