/** Funk, New Orleans and hip-hop: ghost notes, laid-back snares and swung sixteenths. */
export const FUNK_HIP_HOP = `
loop "Funk ghost notes" 4/4 style funk bpm 96
closed-hat  x.7.|x.7.|x.7.|x...
open-hat    ....|....|....|..x.
snare       ..g.|X.gg|.g..|X..g
kick        x.x.|...x|..x.|.x..

loop "Linear funk" 4/4 style funk bpm 100
closed-hat  .x6.|.6.6|x.6.|.6.6
snare       ...g|X...|...g|X...
kick        x...|..x.|.x..|..x.

loop "Open-hat funk" 4/4 bars 2 style funk bpm 104
closed-hat  x.x.|x.x.|x.x.|x...||x.x.|x.x.|x.x.|x.x.
open-hat    ....|....|....|..x.||....|....|....|....
snare       ..g.|X>0.3..g|.g..|X>0.3...||..g.|X>0.3..g|.gg.|X>0.3.g.
kick        x..x|..x.|x...|....||x..x|..x.|..x.|...x

loop "Funk in the pocket" 4/4 bars 2 style funk bpm 92
ride        x.7.|x.7.|x.7.|x.7.||x.7.|x.7.|x.7.|x.7.
snare       .g..|X..g|..g.|X...||.g..|X..g|..g.|X.g.
kick        x..x|....|.xx.|...x||x..x|....|.x..|..x.

loop "Second line" 4/4 step 1/8t style "second line" bpm 96
snare       x.g|X.g|x.g|Xgg
kick        x..|..x|x..|..x
crash       ...|...|...|..x

loop "Half-time shuffle" 4/4 step 1/8t style shuffle bpm 80
closed-hat  x.x|x.x|x.x|x.x
snare       .g.|.gg|Xg.|.g.
kick        x..|..x|...|..x

loop "Boom bap" 4/4 bars 2 style hip-hop bpm 90
closed-hat  x.5>0.3.|x.5>0.3.|x.5>0.3.|x.5>0.3.||x.5>0.3.|x.5>0.3.|x.5>0.3.|x.5>0.3.
snare       ....|X>0.3...|....|X>0.3...||....|X>0.3...|....|X>0.3..g
kick        x...|...x|..x.|....||x..x|....|..x.|.x..

loop "Lazy swing" 4/4 style hip-hop bpm 84
closed-hat  x4>0.45x4>0.45|x4>0.45x4>0.45|x4>0.45x4>0.45|x4>0.45x4>0.45
snare       ....|X@118>0.4...|....|X@122>0.4...
kick        x@104<0.3..x@88<0.2|....|x@101<0.3.x@92<0.2.|....

loop "Trap" 4/4 step tick style trap bpm 140
closed-hat  x..5..x..5..|x..5..x..5..|x.5.5.x..5..|x..5..x4444x
snare       ............|............|X...........|............
kick        x...........|.........x..|......x.....|............

loop "Lo-fi" 4/4 bars 2 style hip-hop bpm 78
closed-hat  5.4>0.3.|5.2>0.3.|5.4>0.3.|5.2>0.3.||5.4>0.3.|5.2>0.3.|5.4>0.3.|5.2>0.3.
snare       ....|x>0.4..g|....|x>0.4...||....|x>0.4..g|..g.|x>0.4...
kick        x...|...x|..x.|..x.||x...|....|..x.|....

loop "West coast" 4/4 style hip-hop bpm 94
closed-hat  x5x5|x5x5|x5x5|x5x5
snare       ....|X...|....|X...
kick        x..x|....|x.x.|...x
`;
