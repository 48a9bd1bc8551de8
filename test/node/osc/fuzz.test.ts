import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type OscArgInput, type OscMessageInput, fromBuffer, toBuffer } from 'osc-min';
import { makeProject } from '../../../src/core/project/project.ts';
import { JavaRandom } from '../../../src/core/util/java-random.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';
import { OscPeer, OscineProcess, freePorts } from './udp.ts';

const PACKETS = 100_000;
/** After this many packets the fuzzer waits for an answer, so the server's socket buffer never overflows. */
const BATCH = 500;

type Counter = 'inputs' | 'wrongCount' | 'notANumber' | 'badArguments' | 'controls' | 'refused' | 'unknown' | 'malformed';

/** What the fuzzer sent, and so what the server must have counted, recorded and answered. */
class Expected {
  readonly counts: Record<Counter, number> = { inputs: 0, wrongCount: 0, notANumber: 0, badArguments: 0, controls: 0, refused: 0, unknown: 0, malformed: 0 };
  /** Every valid frame while recording, with the output values it must be recorded with. */
  readonly examples: Array<{ inputs: number[]; outputs: number[] }> = [];
  /** The answers every control and unknown address must get, in order: 1 done, 0 not. */
  readonly answers: number[] = [];
  /** What `outputs` answers say when they succeed. */
  readonly outputsSaid: string[] = [];
  outputs = [0.5, 2];
}

const bytes = (message: OscMessageInput | Parameters<typeof toBuffer>[0]) => {
  const view = toBuffer(message);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
};

/**
 * Makes packets from a seeded stream: valid frames and controls, and every way a packet can be
 * wrong that the brief names (truncated, wrong type tags, huge strings, NaN, wrong counts), plus
 * unknown addresses, bad arguments and broken or too-deep bundles. Each one records what the
 * server must make of it.
 */
class Fuzzer {
  private readonly random = new JavaRandom(2024);
  readonly expected = new Expected();

  next(): Uint8Array {
    const roll = this.random.nextInt(100);
    if (roll < 25) return this.validFrame();
    if (roll < 30) return this.validOutputs();
    if (roll < 33) return this.answered(bytes({ address: '/wekinator/control/enableModelRecording', args: [1, { type: 'integer', value: 2 }] }), 'controls', 1);
    if (roll < 40) return this.truncated();
    if (roll < 46) return this.wrongTypeTags();
    if (roll < 50) return this.noise();
    if (roll < 56) return this.wrongCount();
    if (roll < 60) return this.notANumber();
    if (roll < 64) return this.textFrame();
    if (roll < 71) return this.badControl();
    if (roll < 73) return this.answered(bytes('/wekinator/control/cancelTrain'), 'refused', 0);
    if (roll < 80) return this.unknownAddress();
    if (roll < 86) return this.brokenBundle();
    if (roll < 90) return this.deepBundle();
    return this.mixedBundle();
  }

  /** The message that paces the fuzzer: valid, answered, changes nothing. */
  ping(): Uint8Array {
    return this.answered(bytes({ address: '/wekinator/control/enableModelRunning', args: [1, 2] }), 'controls', 1);
  }

  private number(value: number, whole: boolean): OscArgInput {
    const kind = this.random.nextInt(3);
    if (kind === 0 && whole) return { type: 'integer', value };
    return kind === 1 ? { type: 'double', value } : { type: 'float', value };
  }

  private frameValues(): number[] {
    // Whole numbers sometimes, so int32 frames are exercised too (ChucK sends those).
    return [0, 1, 2].map(() => (this.random.nextInt(4) === 0 ? this.random.nextInt(10) : this.random.nextDouble()));
  }

  private validFrame(): Uint8Array {
    const values = this.frameValues();
    const args = values.map((v) => this.number(v, Number.isInteger(v)));
    const packet = bytes({ address: '/wek/inputs', args });
    // What the server reads is what the codec wrote: float32 rounds, double and int32 do not.
    const read = (fromBuffer(packet) as { args: { value: number }[] }).args.map((a) => a.value);
    this.expected.counts.inputs++;
    this.expected.examples.push({ inputs: read, outputs: [...this.expected.outputs] });
    return packet;
  }

  private validOutputs(): Uint8Array {
    const level = this.random.nextDouble();
    const drum = 1 + this.random.nextInt(3);
    const packet = bytes({ address: '/wekinator/control/outputs', args: [this.number(level, false), this.number(drum, true)] });
    const read = (fromBuffer(packet) as { args: { value: number }[] }).args.map((a) => a.value);
    this.expected.outputs = read;
    this.expected.outputsSaid.push(`next examples get ${read.map((v) => Number(v.toPrecision(7))).join(' ')}`);
    return this.answered(packet, 'controls', 1);
  }

  private answered(packet: Uint8Array, counter: Counter, answer: number): Uint8Array {
    this.expected.counts[counter]++;
    this.expected.answers.push(answer);
    return packet;
  }

  private malformed(packet: Uint8Array): Uint8Array {
    this.expected.counts.malformed++;
    return packet;
  }

  /** A valid frame cut inside its last float, or inside its address. */
  private truncated(): Uint8Array {
    const whole = bytes({ address: '/wek/inputs', args: [0.1, 0.2, 0.3] });
    const cut = this.random.nextInt(2) === 0 ? whole.length - 1 - this.random.nextInt(3) : 1 + this.random.nextInt(10);
    return this.malformed(whole.slice(0, cut));
  }

  private wrongTypeTags(): Uint8Array {
    const cases = [
      '/wek/inputs\0,fz\0\0\0\0\0\0\0\0\0', // an unknown type code
      '/wek/inputs\0,ffff\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0', // more tags than data
      '/wek/inputs\0fff\0\0\0\0\0', // no comma
      '/wek/inputs\0,[ff\0\0\0\0\0\0\0\0\0\0\0', // an array never closed
    ];
    return this.malformed(Buffer.from(cases[this.random.nextInt(cases.length)], 'latin1'));
  }

  /** Random bytes that cannot start an address (/) or a bundle (#). */
  private noise(): Uint8Array {
    const noise = Uint8Array.from({ length: 1 + this.random.nextInt(200) }, () => this.random.nextInt(256));
    noise[0] = 0x40 + this.random.nextInt(0x30);
    return this.malformed(noise);
  }

  private wrongCount(): Uint8Array {
    this.expected.counts.inputs++;
    this.expected.counts.wrongCount++;
    const count = [0, 1, 2, 4, 50][this.random.nextInt(5)];
    return bytes({ address: '/wek/inputs', args: Array.from({ length: count }, () => this.random.nextDouble()) });
  }

  private notANumber(): Uint8Array {
    this.expected.counts.inputs++;
    this.expected.counts.notANumber++;
    const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY][this.random.nextInt(3)];
    const args = this.frameValues().map((v) => this.number(v, false));
    args[this.random.nextInt(3)] = this.number(bad, false);
    return bytes({ address: '/wek/inputs', args });
  }

  /** A frame with text in it, sometimes a huge string. */
  private textFrame(): Uint8Array {
    this.expected.counts.inputs++;
    this.expected.counts.badArguments++;
    const huge = this.random.nextInt(10) === 0;
    const text = huge ? 'x'.repeat(60_000) : 'hello';
    return bytes({ address: '/wek/inputs', args: [0.5, text, 0.5] });
  }

  private badControl(): Uint8Array {
    const cases: OscMessageInput[] = [
      { address: '/wekinator/control/deleteExamplesForOutput', args: ['x'] },
      { address: '/wekinator/control/deleteExamplesForOutput', args: [] },
      { address: '/wekinator/control/enableModelRunning', args: [0] },
      { address: '/wekinator/control/disableModelRecording', args: [1.5] },
      { address: '/wekinator/control/selectInputsForOutput', args: [1] },
      { address: '/wekinator/control/setOutputNames', args: [1, 2] },
      { address: '/wekinator/control/setInputNames', args: ['a', 'y'.repeat(30_000)] },
      { address: '/wekinator/control/outputs', args: [0.5] },
      { address: '/wekinator/control/outputs', args: ['loud', 2] },
      { address: '/wekinator/control/saveModelToFile', args: ['model.json'] },
    ];
    return this.answered(bytes(cases[this.random.nextInt(cases.length)]), 'badArguments', 0);
  }

  private unknownAddress(): Uint8Array {
    const cases = ['/wekinator/control/startRecordin', '/wek/input', '/foo', `/${'z'.repeat(20_000)}`, '/wekinator/control/constructor'];
    return this.answered(bytes({ address: cases[this.random.nextInt(cases.length)], args: [1, 'two'] }), 'unknown', 0);
  }

  private brokenBundle(): Uint8Array {
    const bundle = Buffer.from(bytes({ timetag: [0, 1], elements: [{ address: '/wek/inputs', args: [1, 2, 3] }] }));
    bundle.writeInt32BE([10_000, -4, 6][this.random.nextInt(3)], 16);
    return this.malformed(bundle);
  }

  private deepBundle(): Uint8Array {
    let packet: Parameters<typeof toBuffer>[0] = { address: '/wek/inputs', args: [1, 2, 3] };
    for (let depth = 0; depth < 9; depth++) packet = { timetag: [0, 1], elements: [packet] };
    return this.malformed(bytes(packet));
  }

  /** A bundle holding a valid frame and a malformed element: the frame still counts. */
  private mixedBundle(): Uint8Array {
    const frame = this.validFrame();
    const broken = Buffer.from('/wek\0\0\0\0,fff\0\0\0\0', 'latin1');
    const bundle = Buffer.concat([Buffer.from('#bundle\0\0\0\0\0\0\0\0\x01', 'latin1'), size(frame.length), frame, size(broken.length), broken]);
    this.expected.counts.malformed++;
    return bundle;
  }
}

function size(n: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(n);
  return out;
}

test(`${PACKETS} random and malformed packets: the server stays up, answers the valid ones correctly, and the project file is intact`, { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'oscine-fuzz-'));
  const path = join(dir, 'fuzzed.oscine');
  ProjectFile.create(
    path,
    makeProject({
      inputs: 3,
      outputs: [
        { kind: 'continuous', name: 'level', model: 'knn' },
        { kind: 'classifier', name: 'drum', classes: 3 },
      ],
    }),
  ).close();
  const [oscPort] = await freePorts(1);
  const peer = await OscPeer.open();
  const server = new OscineProcess(['serve', path, '--osc-port', String(oscPort), '--out-port', String(peer.port), '--no-studio']);
  const fuzzer = new Fuzzer();
  const { expected } = fuzzer;
  const isAnswer = (address: string) => address.startsWith('/oscine/status/') && address !== '/oscine/status/state';
  const started = performance.now();
  try {
    await server.waitFor(/Ctrl\+C stops/);
    const control = async (name: string, ...args: number[]) => {
      const from = peer.received.length;
      await peer.send(oscPort, { address: `/wekinator/control/${name}`, args });
      return peer.reply(name, from);
    };
    assert.deepEqual((await control('outputs', 0.5, 2)).values, [1, 'next examples get 0.5 2']);
    assert.deepEqual((await control('startRecording')).values, [1, 'recording round 1']);
    const answersFrom = peer.received.length;

    for (let sent = 0; sent < PACKETS; ) {
      const batch = Math.min(BATCH - 1, PACKETS - sent - 1);
      for (let i = 0; i < batch; i++) await peer.send(oscPort, fuzzer.next());
      const from = peer.received.length;
      await peer.send(oscPort, fuzzer.ping());
      // Only the ping turns running on successfully; bad enableModelRunning messages are answered with 0.
      await peer.next((m) => m.address === '/oscine/status/enableModelRunning' && m.values[0] === 1, from);
      sent += batch + 1;
      assert.equal(server.child.exitCode, null, `the server stopped after ${sent} packets:\n${server.stderr}`);
    }

    const answers = peer.received.slice(answersFrom).filter((m) => isAnswer(m.address));
    assert.equal(answers.length, expected.answers.length, 'every control message and unknown address is answered, once');
    assert.deepEqual(
      answers.map((m) => m.values[0]),
      expected.answers,
      'each answer says 1 for the valid ones and 0 for the others, in order',
    );
    assert.deepEqual(
      answers.filter((m) => m.address === '/oscine/status/outputs' && m.values[0] === 1).map((m) => m.values[1]),
      expected.outputsSaid,
    );

    const stopped = await control('stopRecording');
    assert.deepEqual(stopped.values, [1, `recording stopped; ${expected.examples.length} examples in all`]);
    const trainFrom = peer.received.length;
    await peer.send(oscPort, { address: '/wekinator/control/train' });
    await peer.next((m) => m.address === '/wekinator/status/done-training', trainFrom, 60_000);
    assert.deepEqual((await control('startRunning')).values, [1, 'running']);
    // kNN (k = 1) gives back a recorded frame's own output values: query 50 of them.
    for (let n = 0; n < 50; n++) {
      const example = expected.examples[Math.floor((n * expected.examples.length) / 50)];
      const from = peer.received.length;
      await peer.send(oscPort, { address: '/wek/inputs', args: example.inputs.map((value) => ({ type: 'double', value })) });
      const outputs = await peer.next((m) => m.address === '/wek/outputs', from);
      assert.deepEqual(outputs.values, example.outputs.map(Math.fround));
    }
  } finally {
    await peer.close();
    assert.equal(await server.stop(), 0, server.stderr);
  }
  const seconds = (performance.now() - started) / 1000;

  const c = expected.counts;
  const summary = server.stdout.match(
    /Received (\d+) packets: (\d+) input frames \((\d+) with the wrong count, (\d+) not numbers\), (\d+) control messages done, (\d+) refused, (\d+) with bad arguments, (\d+) to unknown addresses, (\d+) malformed/,
  );
  assert.ok(summary, server.stdout);
  // The fuzzed packets, plus the 2 controls before, the stopRecording/train/startRunning after, and 50 frames while running.
  const [packets, inputs, wrongCount, notANumber, controls, refused, badArguments, unknown, malformed] = summary.slice(1).map(Number);
  assert.deepEqual(
    { packets, inputs, wrongCount, notANumber, controls, refused, badArguments, unknown, malformed },
    { packets: PACKETS + 55, inputs: c.inputs + 50, wrongCount: c.wrongCount, notANumber: c.notANumber, controls: c.controls + 5, refused: c.refused, badArguments: c.badArguments, unknown: c.unknown, malformed: c.malformed },
  );
  const warningLines = server.stderr.trim().split('\n').length;
  assert.ok(warningLines < 10 * seconds, `warnings stay a trickle: ${warningLines} lines in ${seconds.toFixed(0)} s`);

  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
  const file = ProjectFile.open(path, { readonly: true });
  const contents = file.load();
  file.close();
  assert.equal(contents.examples.length, expected.examples.length);
  assert.ok(
    contents.examples.every((e, i) => e.round === 1 && [...e.inputs].every((v, k) => v === expected.examples[i].inputs[k]) && [...e.outputs].every((v, k) => v === expected.examples[i].outputs[k])),
    'every valid frame was recorded, in order, with the output values set before it',
  );
  assert.deepEqual(
    contents.models.map((m) => m?.status),
    ['trained', 'trained'],
  );
  t.diagnostic(
    `fuzz: ${PACKETS} packets in ${seconds.toFixed(1)} s; ${expected.examples.length} valid frames recorded, ${expected.answers.filter((a) => a === 1).length} valid controls answered ok; ` +
      `counted ${c.malformed} malformed, ${c.wrongCount} wrong counts, ${c.notANumber} not numbers, ${c.badArguments} bad arguments, ${c.unknown} unknown, ${c.refused} refused; ${warningLines} warning lines`,
  );
});
