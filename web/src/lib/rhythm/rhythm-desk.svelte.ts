import { InputError } from '../../../../src/core/errors.ts';
import { midiFromPattern } from '../../../../src/generative/rhythm/midi.ts';
import type { Loop, Pattern } from '../../../../src/generative/rhythm/pattern.ts';
import { readRhythmModel, rhythmModelDocument } from '../../../../src/generative/rhythm/vae/model-file.ts';
import type { Bend } from '../../../../src/generative/rhythm/vae/bending.ts';
import type { RhythmModel } from '../../../../src/generative/rhythm/vae/rhythm-model.ts';
import { type Control, RhythmPlayer } from '../../../../src/generative/rhythm/vae/rhythm-player.ts';
import { download } from '../studio/files.ts';
import { type Routes, parameterValues } from '../studio/routing.ts';
import type { Studio } from '../studio/studio.svelte.ts';
import { modelJson } from './dropped-loops.ts';
import { loadDrivers, saveDrivers } from './rhythm-setup.ts';
import { RhythmPlayback } from './rhythm-playback.svelte.ts';
import { RhythmTraining } from './rhythm-training.svelte.ts';

/**
 * The rhythm page's state: the model in use, the value of each of its controls (the point on
 * the pad, threshold, attribute and bend sliders), which project output drives which control,
 * and the loop they decode to. Outputs move controls at full rate, so the sound follows at
 * once; the page's reactive state catches up once per screen refresh. Lives as long as the
 * studio view, so the loop keeps playing while the musician works on other tabs.
 */
export class RhythmDesk {
  model = $state.raw<RhythmModel | undefined>(undefined);
  /** What the model is called on this page (its file's name, or "trained here"). */
  name = $state('');
  controls = $state.raw<readonly Control[]>([]);
  values = $state<number[]>([]);
  /** For each control, the project output that drives it (its index), or null. */
  bindings = $state.raw<Routes>([]);
  /** Bumped whenever the loop changes (it is rewritten in place). */
  version = $state(0);
  problem = $state<string | undefined>(undefined);
  readonly training = new RhythmTraining();
  readonly playback = new RhythmPlayback();
  private player: RhythmPlayer | undefined;
  private current = new Float64Array(0);
  private fromOutputs = new Float64Array(0);
  private redrawPending = false;
  private readonly stopWatching: () => void;

  constructor(private readonly studio: Studio) {
    this.stopWatching = studio.watchOutputs((values) => this.follow(values));
  }

  /** The loop for the controls as they are; read `version` to hear of changes. */
  get loop(): Pattern | undefined {
    void this.version;
    return this.player?.loop;
  }

  /** Plays `model`; the controls start afresh, or, with `keep`, where the ones of the same name were. */
  use(model: RhythmModel, name: string, keep = false): void {
    const player = new RhythmPlayer(model);
    const controls = player.controls();
    const bound = new Map(this.controls.map((control, k) => [control.name, this.bindings[k] ?? null]));
    const was = new Map(this.controls.map((control, k) => [control.name, this.current[k]]));
    this.current = Float64Array.from(controls, (control) => (keep ? was.get(control.name) : undefined) ?? startingValue(control, model));
    controls.forEach((control, k) => player.set(control.name, this.current[k]));
    player.update();
    this.player = player;
    this.model = model;
    this.name = name;
    this.controls = controls;
    const outputs = this.studio.settings?.outputs ?? [];
    const drivers = loadDrivers(this.studio.snapshot?.file);
    const remembered = (control: string) => {
      const j = outputs.findIndex((output) => output.name === drivers[control]);
      return j >= 0 ? j : null;
    };
    this.bindings = controls.map((control) => bound.get(control.name) ?? remembered(control.name));
    this.fromOutputs = new Float64Array(controls.length);
    this.problem = undefined;
    this.redraw();
    if (this.playback.playing) void this.playback.start(player.loop);
  }

  /** Moves one control (by its place in `controls`) and decodes the loop again. */
  set(k: number, value: number): void {
    const player = this.player;
    const control = this.controls[k];
    if (!player || !control || !Number.isFinite(value)) return;
    this.current[k] = Math.min(control.max, Math.max(control.min, value));
    player.set(control.name, this.current[k]);
    player.update();
    this.redraw();
  }

  /** A control's value this instant (`values` catches up at the next screen refresh). */
  valueNow(k: number): number {
    return this.current[k] ?? 0;
  }

  /** Lets output `output` (or, with null, the musician's hand) move control k; remembered per project. */
  bind(k: number, output: number | null): void {
    this.bindings = this.bindings.map((bound, i) => (i === k ? output : bound));
    const file = this.studio.snapshot?.file;
    const drivers: Record<string, string> = { ...loadDrivers(file) };
    const name = this.controls[k]?.name;
    const outputName = output === null ? undefined : this.studio.settings?.outputs[output]?.name;
    if (name === undefined) return;
    if (outputName === undefined) delete drivers[name];
    else drivers[name] = outputName;
    saveDrivers(file, drivers);
  }

  /** Replaces the model's chain of bends (saved with it); the other controls stay where they are. */
  bend(bends: readonly Bend[]): void {
    const model = this.model;
    if (!model) return;
    try {
      model.setBends(bends);
      this.use(model, this.name, true);
    } catch (error) {
      this.fail(error);
    }
  }

  async open(file: File): Promise<void> {
    try {
      this.use(readRhythmModel(modelJson(await file.text(), file.name), file.name), file.name.replace(/\.json$/i, ''));
    } catch (error) {
      this.fail(error);
    }
  }

  async train(loops: Loop[], settings: Record<string, number>): Promise<void> {
    try {
      if (loops.length === 0) throw new InputError('Choose some loops to learn from: tick starter loops or add your own MIDI or .grid files.');
      const model = await this.training.train(loops, settings);
      if (model) this.use(model, 'trained here');
    } catch (error) {
      this.fail(error);
    }
  }

  save(): void {
    if (this.model) download(`${this.name === 'trained here' ? 'rhythm-model' : this.name}.json`, JSON.stringify(rhythmModelDocument(this.model)));
  }

  /** The loop as it sounds now, as a General MIDI drum file at the playing tempo. */
  saveLoop(): void {
    if (!this.player) return;
    const bytes = midiFromPattern(this.player.loop, { bpm: this.playback.tempo, name: this.name });
    download(`${this.name === 'trained here' ? 'rhythm' : this.name} loop.mid`, new Uint8Array(bytes));
  }

  togglePlayback(): void {
    if (this.playback.playing) this.playback.stop();
    else if (this.player) void this.playback.start(this.player.loop);
  }

  /** A problem the musician caused (a damaged file, no loops) is shown here and in the studio's notices. */
  fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.problem = message;
    this.studio.notify(message, 'error');
  }

  close(): void {
    this.stopWatching();
    this.training.cancel();
    this.playback.stop();
  }

  private follow(outputValues: Float64Array): void {
    const outputs = this.studio.settings?.outputs;
    if (!outputs || !this.player || !this.bindings.some((bound) => bound !== null)) return;
    parameterValues(outputs, outputValues, this.controls, this.bindings, this.fromOutputs);
    for (let k = 0; k < this.fromOutputs.length; k++) {
      const value = this.fromOutputs[k];
      if (Number.isNaN(value)) continue;
      const control = this.controls[k];
      this.current[k] = Math.min(control.max, Math.max(control.min, value));
      this.player.set(control.name, this.current[k]);
    }
    this.player.update();
    this.redraw();
  }

  private redraw(): void {
    if (this.redrawPending) return;
    this.redrawPending = true;
    requestAnimationFrame(() => {
      this.redrawPending = false;
      this.values = Array.from(this.current);
      this.version++;
    });
  }
}

/** Where a control starts: the pad's centre, threshold ½, no steering, each bend as saved. */
function startingValue(control: Control, model: RhythmModel): number {
  const bend = /^bend(\d+)\.(mix|value)$/.exec(control.name);
  if (bend) return model.bends[Number(bend[1]) - 1][bend[2] as 'mix' | 'value'];
  return control.name === 'threshold' ? 0.5 : 0;
}
