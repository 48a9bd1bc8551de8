/** Brazilian, Cuban and West African grooves: bossa nova, samba, songo, cascara, bembé, afrobeat. */
export const LATIN_AFRO = `
loop "Bossa nova" 4/4 bars 2 style "bossa nova" bpm 132
closed-hat  x.5.|x.5.|x.5.|x.5.||x.5.|x.5.|x.5.|x.5.
snare       6..6|..6.|..6.|.6..||..6.|.6..|6...|....
kick        x..5|x..5|x..5|x..5||x..5|x..5|x..5|x..5

loop "Bossa nova ride" 4/4 bars 2 style "bossa nova" bpm 140
ride        x6x6|x6x6|x6x6|x6x6||x6x6|x6x6|x6x6|x6x6
closed-hat  ....|x...|....|x...||....|x...|....|x...
snare       ..6.|.6..|6...|..6.||..6.|.6..|..6.|....
kick        x..5|x..5|x..5|x..5||x..5|x..5|x..5|x..5

loop "Samba" 2/4 bars 2 style samba bpm 100
closed-hat  X5x>0.2X<0.3|X5x>0.2X<0.3||X5x>0.2X<0.3|X5x>0.2X<0.3
snare       x.xx|.x.x||.x.x|.xx.
kick        5..x|X...||5..x|X...

loop "Samba batucada" 2/4 bars 2 style samba bpm 104
closed-hat  x5x>0.2x<0.3|x5x>0.2x<0.3||x5x>0.2x<0.3|x5x>0.2x<0.3
snare       .g.x|g.gx||.g.x|g.xx
low-tom     ....|X...||....|X..x
mid-tom     x...|....||x...|....
kick        4...|4...||4...|4...

loop "Songo" 4/4 bars 2 style songo bpm 112
ride        x.xx|.x.x|x.xx|.x.x||x.xx|.x.x|x.xx|.x.x
snare       .g.g|X.g.|.gX.|g..g||.g.g|X.g.|.g.g|X..g
open-hat    ....|....|....|....||....|....|....|..x.
kick        ....|...x|....|..x.||....|...x|....|..x.

loop "Cascara and clave" 4/4 bars 2 style salsa bpm 180
ride        x.xx|.x.x|x.xx|.x.x||x.x.|xx.x|.xx.|x.x.
snare       ....|x...|x...|....||x...|..x.|...x|....
kick        ....|..x.|....|x...||....|..x.|....|x...

loop "Cha-cha" 4/4 style "cha-cha" bpm 116
ride        x...|x...|x...|x...
closed-hat  x.x.|x.x.|x.xx|x.x.
snare       ....|....|....|x...
low-tom     ....|....|....|..xx

loop "Bembé" 6/8 bars 2 step 1/8 style bembé bpm 150
ride        x.x|.xx||.x.|x.x
closed-hat  644|644||644|644
low-tom     ..x|..x||..x|..x
kick        x..|x..||x..|x..

loop "Bembé on the kit" 6/8 bars 2 style bembé bpm 160
ride        x...x.|..x.x.||..x...|x...x.
snare       ..g...|g...X.||..g...|g.g.X.
mid-tom     ....x.|......||....x.|....x.
kick        x.....|x.....||x.....|x.....

loop "Afrobeat" 4/4 bars 2 style afrobeat bpm 108
closed-hat  x5x5|x5x5|x5x5|x5x.||x5x5|x5x5|x5x5|x5x.
open-hat    ....|....|....|...x||....|....|....|...x
snare       ..g.|X.g.|.g..|X.gg||..g.|X.g.|.g.g|X...
kick        x...|..x.|.x..|....||x...|..x.|.x..|..x.

loop "Afro 12/8" 12/8 step 1/8 style afro-cuban bpm 110
ride        x.x|.xx|.x.|x.x
snare       ...|X..|...|X..
kick        x..|..x|x..|..x
`;
