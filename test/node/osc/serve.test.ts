import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OutputRequest, makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { oscine } from '../run-cli.ts';
import { OscPeer, OscineProcess, freePorts } from './udp.ts';

const dir = mkdtempSync(join(tmpdir(), 'oscine-serve-'));

/** A project file with 2 inputs and the given outputs, nothing recorded. */
function createProject(name: string, outputs: OutputRequest[]): string {
  const path = join(dir, name);
  ProjectFile.create(path, makeProject({ inputs: 2, outputs })).close();
  return path;
}

const PITCH_AND_MOOD: OutputRequest[] = [
  { kind: 'continuous', name: 'pitch', min: 0, max: 10, model: 'linear' },
  { kind: 'classifier', name: 'mood', classes: 3, probabilities: true },
];

test("serve creates a project with Wekinator's defaults, says where it listens, saves its flags, and stops cleanly on Ctrl+C", async () => {
  const [oscPort] = await freePorts(1);
  const peer = await OscPeer.open();
  const outPort = peer.port;
  const server = new OscineProcess(['serve', '--osc-port', String(oscPort), '--out-port', String(outPort), '--input-address', '/sensor/xy', '--no-studio'], dir);
  try {
    await server.waitFor(/Ctrl\+C stops/);
    assert.match(server.stdout, /^Created untitled\.oscine with Wekinator's defaults: 5 inputs, 5 continuous outputs/m);
    assert.match(server.stdout, new RegExp(`^Listening on 127\\.0\\.0\\.1:${oscPort} for /sensor/xy and /wekinator/control/\\* — this computer only`, 'm'));
    assert.match(server.stdout, new RegExp(`^Sending /wek/outputs to 127\\.0\\.0\\.1:${outPort}$`, 'm'));
    await peer.next((m) => m.address === '/oscine/status/state');
    const from = peer.received.length;
    await peer.send(oscPort, { address: '/wekinator/control/startRecording' });
    await peer.send(oscPort, { address: '/sensor/xy', args: [1, 2, 3, 4, 5] });
    await peer.send(oscPort, { address: '/wekinator/control/stopRecording' });
    assert.deepEqual((await peer.reply('stopRecording', from)).values, [1, 'recording stopped; 1 examples in all']);
  } finally {
    await peer.close();
    assert.equal(await server.stop(), 0, server.stderr);
  }
  assert.match(server.stdout, /^Stopped\. Received 3 packets: 1 input frames \(0 with the wrong count, 0 not numbers\), 2 control messages done, 0 refused, 0 with bad arguments, 0 to unknown addresses, 0 malformed\. untitled\.oscine is saved\.$/m);
  assert.equal(server.stderr, '');
  const info = JSON.parse(oscine(['info', join(dir, 'untitled.oscine'), '--json']).stdout);
  assert.equal(info.inputs.length, 5);
  assert.deepEqual(
    info.outputs.map((o: { kind: string; min: number; max: number; model: string }) => [o.kind, o.min, o.max, o.model]),
    Array(5).fill(['continuous', 0, 1, 'mlp']),
  );
  assert.equal(info.examples, 1);
  assert.deepEqual(info.osc, { port: oscPort, host: '127.0.0.1', inputAddress: '/sensor/xy', outputAddress: '/wek/outputs', outputHost: '127.0.0.1', outputPort: outPort });
});

test('the real server plays a whole Wekinator session through OSC alone: set outputs, record two rounds, train, run, read the outputs back', async () => {
  const path = createProject('played.oscine', PITCH_AND_MOOD);
  const [oscPort] = await freePorts(1);
  const peer = await OscPeer.open();
  const server = new OscineProcess(['serve', path, '--osc-port', String(oscPort), '--out-port', String(peer.port), '--no-studio']);
  const control = (name: string, ...args: number[]) => peer.send(oscPort, { address: `/wekinator/control/${name}`, args });
  try {
    await server.waitFor(/Ctrl\+C stops/);
    for (const [from, to] of [
      [0, 1.5],
      [1.5, 3],
    ]) {
      await control('startRecording');
      for (let x = from; x < to; x += 0.25) {
        await control('outputs', x + 0.5, x < 1 ? 1 : x < 2 ? 2 : 3);
        await peer.send(oscPort, { address: '/wek/inputs', args: [x, 0.5] });
      }
      const seen = peer.received.length;
      await control('stopRecording');
      await peer.reply('stopRecording', seen);
    }
    const seen = peer.received.length;
    await control('train');
    assert.deepEqual((await peer.reply('train', seen)).values, [1, 'trained pitch, mood']);
    assert.ok(peer.received.slice(seen).some((m) => m.address === '/wekinator/status/done-training' && m.types === ''));
    await control('startRunning');
    await peer.reply('startRunning', seen);
    const frame = peer.received.length;
    await peer.send(oscPort, { address: '/wek/inputs', args: [{ type: 'integer', value: 2 }, 0.5] });
    const outputs = await peer.next((m) => m.address === '/wek/outputs', frame);
    const mood = await peer.next((m) => m.address === '/mood', frame);
    assert.equal(outputs.types, 'ff', 'float32 outputs, as Wekinator sends them');
    const [pitch, klass] = outputs.values as number[];
    assert.ok(Math.abs(pitch - 2.5) < 1e-5, `pitch = x0 + 0.5 (got ${pitch})`);
    assert.equal(klass, 3);
    assert.equal(mood.types, 'ffff');
    const expected = [0, 1 / 15, 1 / 15, 13 / 15]; // Weka's IBk: 1/n for every class, +1 for the neighbour's
    (mood.values as number[]).forEach((p, k) => assert.ok(Math.abs(p - Math.fround(expected[k])) < 1e-7, `class ${k}: ${p}`));
  } finally {
    await peer.close();
    assert.equal(await server.stop(), 0, server.stderr);
  }
  assert.match(server.stdout, /recording…\nrecording stopped: 6 examples in all\nrecording…\nrecording stopped: 12 examples in all\ntraining…\ntrained pitch, mood\nrunning\n/);
  const info = JSON.parse(oscine(['info', path, '--json']).stdout);
  assert.equal(info.examples, 12);
  assert.equal(info.rounds, 2);
  assert.deepEqual(
    info.outputs.map((o: { status: string }) => o.status),
    ['trained', 'trained'],
  );
});

test('run trains only what is untrained, starts running, and stops cleanly on SIGTERM', async () => {
  const path = createProject('show.oscine', PITCH_AND_MOOD);
  const file = ProjectFile.open(path);
  const contents = file.load();
  const session = new Session(contents.settings, { store: file });
  session.startRecording();
  for (let x = 0; x < 3; x += 0.5) {
    session.setOutputValues([x + 0.5, x < 1 ? 1 : x < 2 ? 2 : 3]);
    session.input([x, 0.5]);
  }
  session.stopRecording();
  session.setToggle('train', [1], false);
  assert.ok((await session.trainModels()).ok);
  file.close();

  const [oscPort] = await freePorts(1);
  const peer = await OscPeer.open();
  const runner = new OscineProcess(['run', path, '--osc-port', String(oscPort), '--out-port', String(peer.port)]);
  try {
    await runner.waitFor(/^running$/m);
    assert.match(runner.stdout, /^Oscine running .*show\.oscine: 2 inputs → 2 outputs \(pitch, mood\)$/m);
    assert.match(runner.stdout, /^trained mood$/m, 'pitch was trained already; only mood is');
    const frame = peer.received.length;
    await peer.send(oscPort, { address: '/wek/inputs', args: [0.25, 0.5] });
    const outputs = await peer.next((m) => m.address === '/wek/outputs', frame);
    assert.ok(Math.abs((outputs.values[0] as number) - 0.75) < 1e-5);
    assert.equal(outputs.values[1], 1);
  } finally {
    await peer.close();
    assert.equal(await runner.stop('SIGTERM'), 0, `${runner.stdout}\n${runner.stderr}`);
  }
  assert.match(runner.stdout, /^Stopped\. Received 1 packets: 1 input frames/m);
  const info = JSON.parse(oscine(['info', path, '--json']).stdout);
  assert.deepEqual(
    info.outputs.map((o: { status: string }) => o.status),
    ['trained', 'trained'],
  );
});

test('run and serve refuse what cannot work with one line and exit code 2', async () => {
  const empty = createProject('empty.oscine', PITCH_AND_MOOD);
  const [oscPort, outPort] = await freePorts(2);
  const flags = ['--osc-port', String(oscPort), '--out-port', String(outPort)];
  const nothing = new OscineProcess(['run', empty, ...flags]);
  assert.equal(await nothing.ended(), 2);
  assert.match(nothing.stderr, /^oscine: .*empty\.oscine: cannot run: no model is trained yet; record examples and train first\n$/);

  const first = new OscineProcess(['serve', empty, ...flags, '--no-studio']);
  try {
    await first.waitFor(/Ctrl\+C stops/);
    const second = new OscineProcess(['serve', empty, ...flags, '--no-studio']);
    assert.equal(await second.ended(), 2);
    assert.match(second.stderr, new RegExp(`^oscine: UDP port ${oscPort} on 127\\.0\\.0\\.1 is in use \\(Wekinator, or another Oscine\\?\\); stop it or choose another port with --osc-port\\n$`));
  } finally {
    assert.equal(await first.stop(), 0);
  }
  const cases: Array<[string[], RegExp]> = [
    [['serve', empty, '--osc-port', '70000'], /the OSC listening port must be 1–65535, not 70000/],
    [['serve', empty, '--output-address', 'wek/outputs'], /the OSC output address must start with \/ and have no spaces/],
    [['run', join(dir, 'absent.oscine')], /no such project file/],
  ];
  const runs = cases.map(([args]) => new OscineProcess(args));
  for (const [i, [args, message]] of cases.entries()) {
    assert.equal(await runs[i].ended(), 2, `${args.join(' ')}: ${runs[i].stderr}`);
    assert.match(runs[i].stderr, message);
    assert.equal(runs[i].stderr.trim().split('\n').length, 1);
  }
});
