import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeProject } from '../../../src/core/project/project.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { needsTools } from '../../peers/osc-tools.ts';
import { OscineProcess, freePorts } from './udp.ts';

/**
 * Oscine with the programs musicians patch it to: liblo's oscsend/oscdump, Pure Data (vanilla
 * [oscformat] and [netsend -u -b]) and ChucK (OscOut/OscIn). Each peer plays a short session
 * through OSC alone: two examples, train, wait for Wekinator's done-training message, run, and
 * read /wek/outputs back. The project: 2 inputs → "level" (continuous, kNN) and "drum" (3 classes).
 * Examples: (0.1, 0.2) → level 0.25, drum 2; (0.9, 0.8) → level 0.75, drum 1. Running (0.9, 0.8)
 * must give 0.75 and 1: kNN (k = 1) answers with its nearest example.
 */
const dir = mkdtempSync(join(tmpdir(), 'oscine-peers-'));

async function startServer(name: string): Promise<{ server: OscineProcess; oscPort: number; outPort: number }> {
  const path = join(dir, `${name}.oscine`);
  const settings = makeProject({
    inputs: 2,
    outputs: [
      { kind: 'continuous', name: 'level', model: 'knn' },
      { kind: 'classifier', name: 'drum', classes: 3 },
    ],
  });
  ProjectFile.create(path, settings).close();
  const [oscPort, outPort] = await freePorts(2);
  const server = new OscineProcess(['serve', path, '--osc-port', String(oscPort), '--out-port', String(outPort), '--no-studio']);
  await server.waitFor(/Ctrl\+C stops/);
  return { server, oscPort, outPort };
}

/** Runs a peer program to its end (it quits by itself once it has the outputs). */
function runPeer(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function pdPatch(oscPort: number, outPort: number): string {
  const record = [
    'set wekinator control outputs \\, 0.25 2',
    'set wekinator control startRecording \\, bang',
    'set wek inputs \\, 0.1 0.2',
    'set wekinator control outputs \\, 0.75 1',
    'set wek inputs \\, 0.9 0.8',
    'set wekinator control stopRecording \\, bang',
    'set wekinator control train \\, bang',
  ].join(' \\, ');
  const objects = [
    'obj 10 10 loadbang',
    'obj 10 40 t b b',
    `msg 200 40 connect 127.0.0.1 ${oscPort}`,
    'obj 10 70 delay 300',
    `msg 10 100 ${record}`,
    'obj 10 200 oscformat',
    'obj 10 230 netsend -u -b',
    `obj 300 10 netreceive -u -b ${outPort}`,
    'obj 300 40 oscparse',
    'obj 300 70 route wekinator wek',
    'obj 300 100 route status',
    'obj 300 130 route done-training',
    'msg 300 160 set wekinator control startRunning \\, bang \\, set wek inputs \\, 0.9 0.8',
    'obj 450 100 route outputs',
    'obj 450 130 t b l',
    'obj 500 160 print outputs',
    'obj 450 190 delay 200',
    'msg 450 220 \\; pd quit',
    'obj 10 300 delay 50000',
    'obj 300 55 list trim',
  ];
  const connections = [
    [0, 0, 1, 0],
    [1, 0, 3, 0],
    [1, 1, 2, 0],
    [2, 0, 6, 0],
    [3, 0, 4, 0],
    [4, 0, 5, 0],
    [5, 0, 6, 0],
    [7, 0, 8, 0],
    [8, 0, 19, 0],
    [19, 0, 9, 0],
    [9, 0, 10, 0],
    [10, 0, 11, 0],
    [11, 0, 12, 0],
    [12, 0, 5, 0],
    [9, 1, 13, 0],
    [13, 0, 14, 0],
    [14, 1, 15, 0],
    [14, 0, 16, 0],
    [16, 0, 17, 0],
    [0, 0, 18, 0],
    [18, 0, 17, 0],
  ];
  return ['#N canvas 0 0 800 400 12;', ...objects.map((o) => `#X ${o};`), ...connections.map((c) => `#X connect ${c.join(' ')};`)].join('\n') + '\n';
}

function chuckScript(oscPort: number, outPort: number): string {
  // ChucK sends whole numbers as int32 (`2 => xmit.add`), which Wekinator read as 0.
  return `
OscOut xmit; xmit.dest("127.0.0.1", ${oscPort});
OscIn oin; OscMsg msg; ${outPort} => oin.port;
oin.addAddress("/wekinator/status/done-training");
oin.addAddress("/wek/outputs, ff");
fun void send(string address) { xmit.start(address); xmit.send(); }
xmit.start("/wekinator/control/outputs"); 0.25 => xmit.add; 2 => xmit.add; xmit.send();
send("/wekinator/control/startRecording");
xmit.start("/wek/inputs"); 0.1 => xmit.add; 0.2 => xmit.add; xmit.send();
xmit.start("/wekinator/control/outputs"); 0.75 => xmit.add; 1 => xmit.add; xmit.send();
xmit.start("/wek/inputs"); 0.9 => xmit.add; 0.8 => xmit.add; xmit.send();
send("/wekinator/control/stopRecording");
send("/wekinator/control/train");
while (true) {
  oin => now;
  while (oin.recv(msg)) {
    if (msg.address == "/wekinator/status/done-training") {
      send("/wekinator/control/startRunning");
      xmit.start("/wek/inputs"); 0.9 => xmit.add; 0.8 => xmit.add; xmit.send();
    } else {
      chout <= "outputs " <= msg.getFloat(0) <= " " <= msg.getFloat(1) <= IO.newline();
      me.exit();
    }
  }
}
`;
}

describe('real OSC peers', { concurrency: true }, () => {
  test('oscsend and oscdump (liblo): ints and floats in, float32 outputs out', async (t) => {
    if (!needsTools(t, 'oscsend', 'oscdump')) return;
    const { server, oscPort, outPort } = await startServer('liblo');
    const dump = spawn('oscdump', ['-L', String(outPort)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let dumped = '';
    dump.stdout.on('data', (chunk: Buffer) => (dumped += chunk.toString()));
    const send = (address: string, types = '', ...values: string[]) => {
      const run = spawnSync('oscsend', ['127.0.0.1', String(oscPort), address, types, ...values], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    };
    const until = async (pattern: RegExp) => {
      for (let i = 0; i < 3000 && !pattern.test(dumped); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.match(dumped, pattern);
    };
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // oscdump binds its port
      send('/wekinator/control/outputs', 'fi', '0.25', '2');
      send('/wekinator/control/startRecording');
      send('/wek/inputs', 'ff', '0.1', '0.2');
      send('/wekinator/control/outputs', 'di', '0.75', '1');
      send('/wek/inputs', 'dd', '0.9', '0.8');
      send('/wekinator/control/stopRecording');
      send('/wekinator/control/train');
      await until(/\/wekinator\/status\/done-training\s*\n/);
      send('/wekinator/control/startRunning');
      send('/wek/inputs', 'ff', '0.9', '0.8');
      await until(/\/wek\/outputs ff 0\.750000 1\.000000\n/);
      assert.match(dumped, /\/oscine\/status\/outputs is 1 "next examples get 0\.25 2"\n/);
      assert.match(dumped, /\/oscine\/status\/train is 1 "trained level, drum"\n/);
    } finally {
      dump.kill();
      assert.equal(await server.stop(), 0, server.stderr);
    }
    assert.match(server.stdout, /Received 9 packets: 3 input frames \(0 with the wrong count, 0 not numbers\), 6 control messages done, 0 refused, 0 with bad arguments, 0 to unknown addresses, 0 malformed/);
  });

  test('Pure Data (vanilla [oscformat] and [netsend -u -b]) records, trains, waits for done-training, runs', async (t) => {
    if (!needsTools(t, 'pd')) return;
    const { server, oscPort, outPort } = await startServer('pd');
    const patch = join(dir, 'wekinator-session.pd');
    writeFileSync(patch, pdPatch(oscPort, outPort));
    try {
      const pd = await runPeer('pd', ['-nogui', '-nosound', '-nomidi', '-stderr', '-open', patch]);
      assert.equal(pd.code, 0, pd.stderr);
      assert.match(pd.stderr, /^outputs: 0\.75 1$/m, `Pure Data printed:\n${pd.stderr}`);
    } finally {
      assert.equal(await server.stop(), 0, server.stderr);
    }
    // Pure Data sends every number as a float32, class numbers included.
    assert.match(server.stdout, /Received 9 packets: 3 input frames \(0 with the wrong count, 0 not numbers\), 6 control messages done, 0 refused, 0 with bad arguments, 0 to unknown addresses, 0 malformed/);
  });

  test('ChucK (OscOut/OscIn, whole numbers as int32) records, trains, waits for done-training, runs', async (t) => {
    if (!needsTools(t, 'chuck')) return;
    const { server, oscPort, outPort } = await startServer('chuck');
    const script = join(dir, 'wekinator-session.ck');
    writeFileSync(script, chuckScript(oscPort, outPort));
    try {
      const chuck = await runPeer('chuck', ['--silent', script]);
      assert.equal(chuck.code, 0, chuck.stderr);
      assert.match(chuck.stdout, /^outputs 0\.75\d* 1(\.0+)?$/m, `ChucK printed:\n${chuck.stdout}\n${chuck.stderr}`);
    } finally {
      assert.equal(await server.stop(), 0, server.stderr);
    }
    assert.match(server.stdout, /Received 9 packets: 3 input frames \(0 with the wrong count, 0 not numbers\), 6 control messages done, 0 refused, 0 with bad arguments, 0 to unknown addresses, 0 malformed/);
  });
});
