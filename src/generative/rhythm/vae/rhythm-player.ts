import { InputError } from '../../../core/errors.ts';
import type { Pattern } from '../pattern.ts';
import { BEND_VALUES } from './bending.ts';
import { steer } from './directions.ts';
import type { RhythmModel } from './rhythm-model.ts';

/** One number a performer, a slider or any Oscine output can move. */
export interface Control {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly help: string;
}

const AXES = ['x', 'y'];
/** How far the attribute sliders reach, in steps (one step = the loops' spread along a direction). */
const STEER_RANGE = 3;

/**
 * A rhythm model being played: the numbers that steer it (the point on the latent pad, one
 * slider per attribute direction, the threshold, each bend's mix and value) and the loop they
 * give. `set` and `update` allocate nothing, so an OSC message or a studio pad can drive it at
 * any rate. Controls are named `x`, `y` (then `latent3`, …), `threshold`, the attributes
 * (`density`, `syncopation`, `swing`, `kick`, …), and `bend1.mix`, `bend1.value`, …. Made for
 * the model's bend chain as it is: after setBends, make a new player.
 */
export class RhythmPlayer {
  /** Where on the latent pad. */
  readonly point: Float64Array;
  /** How many steps along each of the model's directions, in its order. */
  readonly amounts: Float64Array;
  threshold = 0.5;
  /** The loop for the current controls, rewritten in place by update(). */
  readonly loop: Pattern;
  private readonly steered: Float64Array;
  private readonly setters = new Map<string, (value: number) => void>();
  private readonly list: Control[] = [];

  constructor(readonly model: RhythmModel) {
    this.point = new Float64Array(model.latentSize);
    this.steered = new Float64Array(model.latentSize);
    this.amounts = new Float64Array(model.directions.length);
    this.loop = model.decoder.emptyLoop();
    const reach = Math.max(3, ...model.loops.flatMap((loop) => [...loop.position].map(Math.abs)));
    for (let d = 0; d < model.latentSize; d++) {
      this.add({ name: AXES[d] ?? `latent${d + 1}`, min: -reach, max: reach, help: `coordinate ${d + 1} of the point in the latent space` }, (value) => (this.point[d] = value));
    }
    this.add({ name: 'threshold', min: 0, max: 1, help: 'a drum is struck where its chance is at least this' }, (value) => (this.threshold = value));
    model.directions.forEach((direction, i) => {
      this.add({ name: direction.attribute, min: -STEER_RANGE, max: STEER_RANGE, help: `more or less ${direction.attribute}, in steps of the loops' spread` }, (value) => (this.amounts[i] = value));
    });
    model.bends.forEach((bend, i) => {
      this.add({ name: `bend${i + 1}.mix`, min: 0, max: 1, help: `how much of bend ${i + 1} (${bend.transform})` }, (value) => (bend.mix = value));
      if (BEND_VALUES[bend.transform].meaning !== 'unused') {
        const [min, max] = bend.transform === 'scale' ? [-4, 4] : [0, 1];
        this.add({ name: `bend${i + 1}.value`, min, max, help: `the ${BEND_VALUES[bend.transform].meaning} of bend ${i + 1}` }, (value) => (bend.value = value));
      }
    });
  }

  private add(control: Control, set: (value: number) => void): void {
    this.list.push(control);
    this.setters.set(control.name, set);
  }

  /** Every control, in a stable order: the axes, the threshold, the attributes, the bends. */
  controls(): readonly Control[] {
    return this.list;
  }

  set(name: string, value: number): void {
    const set = this.setters.get(name);
    if (!set) throw new InputError(`This rhythm model has no control '${name}'; it has: ${this.list.map((control) => control.name).join(', ')}.`);
    if (Number.isFinite(value)) set(value);
  }

  /** Decodes the loop for the current controls into `loop`. */
  update(): Pattern {
    const { directions } = this.model;
    this.steered.set(this.point);
    for (let i = 0; i < directions.length; i++) steer(this.steered, directions[i], this.amounts[i], this.steered);
    return this.model.decode(this.steered, this.threshold, this.loop);
  }
}
