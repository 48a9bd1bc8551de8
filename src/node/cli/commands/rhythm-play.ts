import { RHYTHM_PREFIX } from '../../../generative/rhythm/playback/rhythm-osc-face.ts';
import { meterName } from '../../../generative/rhythm/vae/loop-grid.ts';
import { RhythmPlayer } from '../../../generative/rhythm/vae/rhythm-player.ts';
import { type RhythmServerCounts, RhythmOscServer } from '../../rhythm/rhythm-osc-server.ts';
import { readRhythmModelFile } from '../../rhythm/model-files.ts';
import { isLoopback, untilSignalled } from '../live.ts';

export interface RhythmPlayOptions {
  readonly oscPort: number;
  readonly host: string;
  readonly outHost: string;
  readonly outPort: number;
  readonly inputAddress: string;
  readonly controls: string;
  /** False with --raw: the input address's numbers are in the controls' own units. */
  readonly unitRange: boolean;
  readonly bpm: number;
  readonly threshold: number;
  /** False with --stopped: wait for /oscine/rhythm/start. */
  readonly play: boolean;
}

/**
 * `oscine rhythm play`: a rhythm model as a live instrument over OSC, until Ctrl+C. A mapping
 * (a Wekinator or Oscine project's outputs) moves it through the latent space; the loop it
 * decodes and the steps and hits it plays go out to a patch.
 */
export async function rhythmPlayCommand(modelPath: string, options: RhythmPlayOptions): Promise<void> {
  const model = readRhythmModelFile(modelPath);
  const player = new RhythmPlayer(model);
  player.threshold = options.threshold;
  const controls = options.controls.split(',').map((name) => name.trim());
  const server = await RhythmOscServer.start(player, {
    ...options,
    port: options.oscPort,
    outputHost: options.outHost,
    outputPort: options.outPort,
    controls,
    printWarning: (line) => console.error(`oscine: ${line}`),
  });
  const { grid } = model;
  const { port } = server.listening();
  const reach = isLoopback(options.host) ? 'this computer only (--host 0.0.0.0 to listen on every network)' : 'reachable from other computers on the network';
  const range = options.unitRange ? '0..1 across each range' : 'in their own units';
  console.log(
    [
      `Oscine plays ${modelPath}: ${meterName(grid.meter)}, ${grid.bars} bar(s) of ${grid.ticks} ticks at ${options.bpm} bpm${options.play ? '' : ' (stopped until /oscine/rhythm/start)'}`,
      `Listening on ${options.host}:${port} for ${options.inputAddress} (${controls.join(', ')}; ${range}) and ${RHYTHM_PREFIX}<control>, tempo, start, stop — ${reach}`,
      `Controls: ${player.controls().map((c) => `${c.name} ${round(c.min)}..${round(c.max)}`).join(', ')}`,
      `Sending ${RHYTHM_PREFIX}loop, pattern, timing, step, hit and transport to ${options.outHost}:${options.outPort}`,
      'Ctrl+C stops.',
    ].join('\n'),
  );
  await untilSignalled();
  await server.close();
  console.log(`Stopped. ${describeCounts(server.counts())}.`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function describeCounts(c: RhythmServerCounts): string {
  return (
    `Received ${c.packets} packets: ${c.frames} frames and ${c.controls} control messages done, ${c.wrongCount} with the wrong count, ` +
    `${c.notANumber} not numbers, ${c.unknown} to unknown addresses, ${c.malformed} malformed; sent ${c.patterns} loops; ${c.late} events dropped as too late`
  );
}
