import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { InputError } from '../../../src/core/errors.ts';
import { formatTextGrid } from '../../../src/generative/rhythm/text-grid.ts';
import { DRUMS } from '../../../src/generative/rhythm/pattern.ts';
import { RhythmPlayer } from '../../../src/generative/rhythm/vae/rhythm-player.ts';
import { readRhythmModelFile } from '../../../src/node/rhythm/model-files.ts';
import { syntheticLoops } from '../../generative/rhythm/synthetic-loops.ts';
import { needsTools } from '../../peers/osc-tools.ts';
import { OscPeer, OscineProcess, freePorts } from '../osc/udp.ts';
import { oscine } from '../run-cli.ts';
import { rhythm } from './run-rhythm.ts';

const folder = mkdtempSync(join(tmpdir(), 'oscine-rhythm-play-'));
const at = (name: string) => join(folder, name);
/** Starting `oscine` takes a few seconds, far more on a machine busy with other work. */
const STARTING_MS = 60_000;

before(() => {
  writeFileSync(at('loops.grid'), formatTextGrid(syntheticLoops(6, 5)));
  const small = ['--epochs', '40', '-p', 'encoderUnits=8', '-p', 'decoderUnits=8', '-p', 'decoderUnits2=16'];
  for (const args of [
    ['rhythm', 'train', at('loops.grid'), '--out', at('model.json'), ...small],
    ['rhythm', 'bend', at('model.json'), '--transform', 'scale', '--random', '0.5', '--value', '3', '--out', at('bent.json')],
  ]) {
    const run = oscine(args);
    assert.equal(run.status, 0, run.stderr);
  }
});

/** One line of oscdump: its address and arguments (strings unquoted, numbers as numbers). */
interface Dumped {
  readonly address: string;
  readonly args: (string | number)[];
}

/** oscdump (liblo) listening on a port, its lines parsed as they come. */
class Dump {
  readonly lines: Dumped[] = [];
  private readonly child: ChildProcess;
  private rest = '';

  constructor(port: number) {
    this.child = spawn('oscdump', ['-L', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      const text = this.rest + chunk.toString();
      const lines = text.split('\n');
      this.rest = lines.pop()!;
      for (const line of lines) {
        const [, address, , ...args] = line.match(/"[^"]*"|\S+/g) ?? [];
        if (address) this.lines.push({ address, args: args.map((arg) => (arg.startsWith('"') ? arg.slice(1, -1) : Number(arg))) });
      }
    });
  }

  /** Waits until `ready` says what it needs has come. */
  async until(ready: () => boolean, what: string, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`oscdump never saw ${what}; it saw ${this.lines.length} lines, the last: ${JSON.stringify(this.lines.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Where each loop header is, in the lines so far. */
  loops(): number[] {
    return this.lines.flatMap((line, i) => (line.address === '/oscine/rhythm/loop' ? [i] : []));
  }

  /** Waits for the loop after the first `seen` and its 18 rows; returns the rows by drum and the header. */
  async loop(seen: number): Promise<{ header: Dumped; rows: Map<string, Dumped> }> {
    const complete = () => {
      const start = this.loops()[seen];
      return start !== undefined && this.lines.slice(start).filter((line) => /pattern|timing/.test(line.address)).length >= 18;
    };
    await this.until(complete, `loop ${seen + 1}`);
    const start = this.loops()[seen];
    const rows = new Map(
      this.lines
        .slice(start + 1)
        .filter((line) => /pattern|timing/.test(line.address))
        .slice(0, 18)
        .map((line) => [`${line.address.split('/').pop()} ${line.args[0]}`, line]),
    );
    return { header: this.lines[start], rows };
  }

  /** Resolves once oscdump listens: it has printed one of the probes sent to it. */
  async listening(port: number): Promise<void> {
    const probe = await OscPeer.open();
    try {
      for (let i = 0; !this.lines.some((line) => line.address === '/probe'); i++) {
        if (i > 300) throw new Error('oscdump never listened');
        await probe.send(port, { address: '/probe', args: [] });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await probe.close();
    }
  }

  stop(): void {
    this.child.kill();
  }
}

function send(port: number, address: string, types = '', ...values: string[]): void {
  const run = spawnSync('oscsend', ['127.0.0.1', String(port), address, types, ...values], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

/** What the model itself decodes for the controls: each row's velocities where struck (0 elsewhere) and timings. */
function decoded(player: RhythmPlayer): Map<string, number[]> {
  const loop = player.update();
  const rows = new Map<string, number[]>();
  DRUMS.forEach((drum, d) => {
    const cells = Array.from({ length: loop.ticks }, (_, tick) => d * loop.ticks + tick);
    rows.set(`pattern ${drum.name}`, cells.map((cell) => (loop.onset[cell] ? loop.velocity[cell] : 0)));
    rows.set(`timing ${drum.name}`, cells.map((cell) => (loop.onset[cell] ? loop.offset[cell] : 0)));
  });
  return rows;
}

/** The loop oscdump saw is the model's own, to oscdump's six decimals; the pattern rows start with the drum's GM note. */
function assertSameLoop(seen: Map<string, Dumped>, expected: Map<string, number[]>): void {
  for (const [key, values] of expected) {
    const row = seen.get(key)!;
    const numbers = row.args.slice(key.startsWith('pattern') ? 2 : 1) as number[];
    assert.equal(numbers.length, values.length, key);
    values.forEach((value, tick) => assert.ok(Math.abs(numbers[tick] - value) <= 5e-7, `${key} tick ${tick}: oscdump ${numbers[tick]}, the model ${value}`));
    if (key.startsWith('pattern')) assert.equal(row.args[1], DRUMS.find((drum) => key.endsWith(drum.name))!.notes[0]);
  }
}

test('oscsend moves x, y, an attribute and a bend; oscdump gets the model’s own loop, then its steps and hits in time', async (t) => {
  if (!needsTools(t, 'oscsend', 'oscdump')) return;
  const [oscPort, outPort] = await freePorts(2);
  const dump = new Dump(outPort);
  await dump.listening(outPort);
  const args = ['rhythm', 'play', at('bent.json'), '--osc-port', String(oscPort), '--out-port', String(outPort), '--controls', 'x,y,density', '--bpm', '300'];
  const play = new OscineProcess(args);
  try {
    await play.waitFor(/Ctrl\+C stops/, STARTING_MS);
    assert.match(play.stdout, new RegExp(`Listening on 127\\.0\\.0\\.1:${oscPort} for /wek/outputs \\(x, y, density; 0\\.\\.1 across each range\\)`));
    assert.match(play.stdout, /Controls: x -[\d.]+\.\.[\d.]+, y -[\d.]+\.\.[\d.]+, threshold 0\.\.1, density -3\.\.3, .*bend1\.mix 0\.\.1, bend1\.value -4\.\.4/);
    const player = new RhythmPlayer(readRhythmModelFile(at('bent.json')));
    const first = await dump.loop(0);
    assert.deepEqual(first.header.args.slice(0, 4), [48, 12, 4, 4], 'one bar of 4/4 at 12 ticks per quarter note');
    assertSameLoop(first.rows, decoded(player));

    send(oscPort, '/wek/outputs', 'fff', '0.8', '0.15', '0.75');
    const range = (name: string) => player.controls().find((control) => control.name === name)!;
    for (const [name, value] of [['x', 0.8], ['y', 0.15], ['density', 0.75]] as const) {
      const { min, max } = range(name);
      player.set(name, min + Math.fround(value) * (max - min));
    }
    const moved = await dump.loop(1);
    assertSameLoop(moved.rows, decoded(player));

    send(oscPort, '/oscine/rhythm/bend1.mix', 'f', '0');
    player.set('bend1.mix', 0);
    const unbent = await dump.loop(2);
    assertSameLoop(unbent.rows, decoded(player));

    // Steps and hits now follow that loop: a step per tick with hits, a hit per drum struck, at its velocity.
    const from = dump.lines.length;
    await dump.until(() => dump.lines.slice(from).filter((line) => line.address === '/oscine/rhythm/step').length >= 12, '12 steps');
    const loop = player.update();
    for (const line of dump.lines.slice(from)) {
      if (line.address === '/oscine/rhythm/step') {
        const [tick, hits] = line.args as number[];
        assert.equal(hits, DRUMS.reduce((sum, _, d) => sum + loop.onset[d * loop.ticks + tick], 0), `hits on tick ${tick}`);
      }
    }
    const hits = dump.lines.slice(from).filter((line) => line.address === '/oscine/rhythm/hit');
    assert.ok(hits.length >= 12);
    const ticksOf = (drum: number) => Array.from({ length: loop.ticks }, (_, tick) => tick).filter((tick) => loop.onset[drum * loop.ticks + tick]);
    for (const { args: [name, note, velocity] } of hits) {
      const drum = DRUMS.findIndex((d) => d.name === name);
      assert.equal(note, DRUMS[drum].notes[0]);
      assert.ok(ticksOf(drum).some((tick) => Math.abs(loop.velocity[drum * loop.ticks + tick] - (velocity as number)) <= 5e-7), `${name} at ${velocity} is in the loop`);
    }
    assert.ok(dump.lines.some((line) => line.address === '/oscine/rhythm/transport' && line.args[0] === 1 && line.args[1] === 300));
  } finally {
    dump.stop();
    assert.equal(await play.stop('SIGTERM'), 0, play.stderr);
  }
  assert.match(play.stdout, /Stopped\. Received 2 packets: 1 frames and 1 control messages done, 0 with the wrong count, 0 not numbers, 0 to unknown addresses, 0 malformed; sent 3 loops/);
});

/** A vanilla Pd patch on the README's chain: sends /wek/outputs 0.3 0.7, prints the hits and the kick's row, quits after 4 s. */
function pdPatch(playPort: number, outPort: number): string {
  const objects = [
    'obj 10 10 loadbang',
    'obj 10 40 t b b b',
    `msg 200 40 connect 127.0.0.1 ${playPort}`,
    'obj 10 70 delay 300',
    'msg 10 100 set wek outputs \\, 0.3 0.7',
    'obj 10 130 oscformat',
    'obj 10 160 netsend -u -b',
    `obj 300 10 netreceive -u -b ${outPort}`,
    'obj 300 40 oscparse',
    'obj 300 70 list trim',
    'obj 300 100 route oscine',
    'obj 300 130 route rhythm',
    'obj 300 160 route hit pattern',
    'obj 300 190 print hit',
    'obj 450 190 route kick',
    'obj 450 220 print kick-row',
    'obj 150 70 delay 4000',
    'msg 150 100 \\; pd quit',
  ];
  const connections = [[0, 0, 1, 0], [1, 0, 16, 0], [1, 1, 3, 0], [1, 2, 2, 0], [2, 0, 6, 0], [3, 0, 4, 0], [4, 0, 5, 0], [5, 0, 6, 0], [7, 0, 8, 0], [8, 0, 9, 0], [9, 0, 10, 0], [10, 0, 11, 0], [11, 0, 12, 0], [12, 0, 13, 0], [12, 1, 14, 0], [14, 0, 15, 0], [16, 0, 17, 0]];
  return ['#N canvas 0 0 800 400 12;', ...objects.map((o) => `#X ${o};`), ...connections.map((c) => `#X connect ${c.join(' ')};`)].join('\n') + '\n';
}

test('Pure Data (vanilla [oscformat], [oscparse]) moves the point and routes the hits and rows as the README says', async (t) => {
  if (!needsTools(t, 'pd')) return;
  const [oscPort, outPort] = await freePorts(2);
  const play = new OscineProcess(['rhythm', 'play', at('model.json'), '--osc-port', String(oscPort), '--out-port', String(outPort), '--bpm', '240']);
  let printed = '';
  try {
    await play.waitFor(/Ctrl\+C stops/, STARTING_MS);
    writeFileSync(at('rhythm.pd'), pdPatch(oscPort, outPort));
    const pd = spawnSync('pd', ['-nogui', '-nosound', '-nomidi', '-stderr', '-open', at('rhythm.pd')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(pd.status, 0, pd.stderr);
    printed = pd.stderr;
  } finally {
    assert.equal(await play.stop(), 0, play.stderr);
  }
  assert.match(play.stdout, /1 frames and 0 control messages done/);
  const player = new RhythmPlayer(readRhythmModelFile(at('model.json')));
  for (const [name, value] of [['x', 0.3], ['y', 0.7]] as const) {
    const { min, max } = player.controls().find((control) => control.name === name)!;
    player.set(name, min + Math.fround(value) * (max - min));
  }
  const kick = decoded(player).get('pattern kick')!;
  const row = /^kick-row: 36 (.*)$/m.exec(printed);
  assert.ok(row, `Pd printed:\n${printed}`);
  const numbers = row[1].split(' ').map(Number);
  assert.equal(numbers.length, kick.length);
  kick.forEach((velocity, tick) => assert.ok(Math.abs(numbers[tick] - velocity) < 1e-5, `tick ${tick}: Pd ${numbers[tick]}, the model ${velocity}`));
  const hits = [...printed.matchAll(/^hit: (\S+) (\d+) ([\d.e-]+)$/gm)];
  assert.ok(hits.length >= 4, `Pd printed:\n${printed}`);
  for (const [, name, note] of hits) assert.equal(Number(note), DRUMS.find((drum) => drum.name === name)?.notes[0]);
});

test('malformed packets, wrong counts and strings are counted and warned about, and the loop keeps playing', async (t) => {
  if (!needsTools(t, 'oscsend')) return;
  const [oscPort] = await freePorts(1);
  const patch = await OscPeer.open();
  const play = new OscineProcess(['rhythm', 'play', at('model.json'), '--osc-port', String(oscPort), '--out-port', String(patch.port), '--bpm', '400']);
  try {
    await play.waitFor(/Ctrl\+C stops/, STARTING_MS);
    await patch.send(oscPort, Uint8Array.of(0x2f, 0x77, 0, 0, 0x2c, 0x66, 0, 0, 1));
    send(oscPort, '/wek/outputs', 'fff', '0.1', '0.2', '0.3');
    send(oscPort, '/wek/outputs', 's', 'left');
    send(oscPort, '/oscine/rhythm/tempo', 'f', 'nan');
    send(oscPort, '/oscine/rhythm/cowbell', 'f', '1');
    send(oscPort, '/oscine/rhythm/stop');
    await patch.next((m) => m.address === '/oscine/rhythm/transport' && m.values[0] === 0, 0, 30_000);
    const steps = patch.received.filter((m) => m.address === '/oscine/rhythm/step').length;
    send(oscPort, '/oscine/rhythm/start');
    await patch.next((m) => m.address === '/oscine/rhythm/step', patch.received.length, 30_000);
    assert.ok(steps > 0, 'it was playing before');
  } finally {
    await patch.close();
    assert.equal(await play.stop(), 0, play.stderr);
  }
  assert.match(play.stdout, /Received 7 packets: 0 frames and 2 control messages done, 1 with the wrong count, 2 not numbers, 1 to unknown addresses, 1 malformed/);
  assert.match(play.stderr, /oscine: a malformed OSC packet from 127\.0\.0\.1:\d+ was dropped \(9 bytes\)/);
  assert.match(play.stderr, /oscine: \/wek\/outputs came with 3 numbers; it drives x, y, so send 1 to 2/);
  assert.match(play.stderr, /oscine: \/wek\/outputs came with a string \("left"\) where a number goes; ignored/);
});

test('a missing model is one line and exit 2; a broken one, or a control it lacks, an InputError', async (t) => {
  const missing = oscine(['rhythm', 'play', at('missing.json')]);
  assert.equal(missing.status, 2, missing.stderr);
  assert.match(missing.stderr, /^oscine: There is no model file .*missing\.json; make one with `oscine rhythm train`\.\n$/);
  writeFileSync(at('broken.json'), '{"format": "oscine-rhythm-model"');
  await assert.rejects(rhythm(t, 'play', at('broken.json')), new InputError(`${at('broken.json')} is not a rhythm model: it is not JSON; make one with \`oscine rhythm train\`.`));
  await assert.rejects(rhythm(t, 'play', at('model.json'), '--controls', 'x,cowbell', '--osc-port', '0'), /^InputError: --controls: this model has no control 'cowbell'; it has x, y, threshold, /);
});
