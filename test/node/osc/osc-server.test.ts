import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';
import { DEFAULT_OSC, makeProject } from '../../../src/core/project/project.ts';
import { done, refused } from '../../../src/core/project/result.ts';
import { Session } from '../../../src/core/project/session.ts';
import { OscServer } from '../../../src/node/osc/osc-server.ts';
import { OscPeer } from './udp.ts';

/** A 2-input, 1-output session whose server listens on a free port and answers `peer`. */
async function serve(peer: OscPeer, osc: Partial<typeof DEFAULT_OSC> = {}) {
  const settings = makeProject({ inputs: 2, outputs: [{ kind: 'classifier', classes: 2 }] });
  // Port 0: any free port, so tests running side by side never collide (the CLI takes 1–65535).
  const session = new Session({ ...settings, osc: { ...DEFAULT_OSC, port: 0, outputPort: peer.port, ...osc } });
  const warnings: string[] = [];
  const server = await OscServer.start(session, { modelFiles: { save: () => done(''), load: () => refused('not here') }, printWarning: (line) => warnings.push(line) });
  return { session, server, warnings, port: server.listening().port };
}

test('over UDP: bundles are unpacked, control messages answered, the state reported at start', async () => {
  const peer = await OscPeer.open();
  // 'localhost' is looked up once, IPv4 first, where patches listen.
  const { session, server, port } = await serve(peer, { outputHost: 'localhost' });
  try {
    assert.deepEqual(await peer.next((m) => m.address === '/oscine/status/state'), { address: '/oscine/status/state', types: 's', values: ['idle'] });
    const from = peer.received.length;
    await peer.send(port, {
      timetag: [0, 1],
      elements: [
        { address: '/wekinator/control/outputs', args: [2] },
        { address: '/wekinator/control/startRecording' },
        { address: '/wek/inputs', args: [0.25, { type: 'double', value: 0.75 }] },
        { address: '/wek/inputs', args: [{ type: 'integer', value: 1 }, 2] },
        { address: '/wekinator/control/stopRecording' },
      ],
    });
    assert.deepEqual(await peer.reply('stopRecording', from), { address: '/oscine/status/stopRecording', types: 'is', values: [1, 'recording stopped; 2 examples in all'] });
    assert.deepEqual(
      session.examples().map((e) => [...e.inputs, ...e.outputs]),
      [
        [0.25, 0.75, 2],
        [1, 2, 2],
      ],
    );
    assert.deepEqual(
      peer.received.slice(from).map((m) => m.address),
      ['/oscine/status/outputs', '/oscine/status/state', '/oscine/status/startRecording', '/oscine/status/state', '/oscine/status/stopRecording'],
    );
  } finally {
    await server.close();
    await peer.close();
  }
});

test('malformed packets are counted and warned about in a few lines; the server keeps answering', async () => {
  const peer = await OscPeer.open();
  const { server, warnings, port } = await serve(peer);
  try {
    for (let i = 0; i < 500; i++) await peer.send(port, Uint8Array.of(0x41, i % 256, 0, 0));
    const from = peer.received.length;
    await peer.send(port, { address: '/wekinator/control/startRecording' });
    assert.deepEqual((await peer.reply('startRecording', from)).values, [1, 'recording round 1']);
    assert.equal(server.counts().packets, 501);
    assert.equal(server.counts().malformed, 500);
    assert.equal(warnings.length, 1, 'the first is printed; the rest are held for one summary line');
    assert.match(warnings[0], /^a malformed OSC packet from 127\.0\.0\.1:\d+ was dropped \(4 bytes\)$/);
    await server.close();
    assert.match(warnings[1], /^a malformed OSC packet .* \(and 498 more like it\)$/, 'held warnings are printed when the server stops');
  } finally {
    await server.close();
    await peer.close();
  }
});

test('a port in use, or an address that is not this computer’s, is refused with a message that says what to do', async () => {
  const peer = await OscPeer.open();
  const first = await serve(peer);
  try {
    await assert.rejects(serve(peer, { port: first.port }), (error: Error) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, new RegExp(`^UDP port ${first.port} on 127\\.0\\.0\\.1 is in use .*--osc-port$`));
      return true;
    });
    await assert.rejects(serve(peer, { host: '192.0.2.1' }), /cannot listen on 192\.0\.2\.1: it is not an address of this computer/);
  } finally {
    await first.server.close();
    await peer.close();
  }
});
