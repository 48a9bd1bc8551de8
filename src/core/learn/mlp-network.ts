import type { JavaRandom } from '../util/java-random.ts';

/**
 * A fully connected feed-forward network in flat arrays: sigmoid hidden units, and sigmoid or
 * linear output units. Arithmetic is done in the same order as Weka's MultilayerPerceptron, so
 * that the same starting weights and examples give the same numbers.
 */
export class Network {
  /** Units per layer, from the inputs to the outputs, e.g. [4, 4, 3]. */
  readonly layers: readonly number[];
  /** For each unit above the inputs, layer by layer: its bias, then one weight per unit below. */
  readonly weights: Float64Array;
  /** Each unit's output, inputs first; write (scaled) inputs into `inputs`, then call `forward`. */
  readonly activations: Float64Array;
  readonly inputs: Float64Array;
  readonly outputs: Float64Array;
  /** Per layer: where its units start in `activations`, and (above the inputs) in `weights`. */
  readonly unitStarts: Int32Array;
  readonly weightStarts: Int32Array;

  constructor(
    layers: readonly number[],
    readonly linearOutput: boolean,
    weights?: Float64Array,
  ) {
    this.layers = [...layers];
    this.unitStarts = new Int32Array(layers.length + 1);
    this.weightStarts = new Int32Array(layers.length + 1);
    for (let l = 0; l < layers.length; l++) {
      this.unitStarts[l + 1] = this.unitStarts[l] + layers[l];
      this.weightStarts[l + 1] = this.weightStarts[l] + (l === 0 ? 0 : layers[l] * (layers[l - 1] + 1));
    }
    this.weights = weights ?? new Float64Array(this.weightStarts[layers.length]);
    this.activations = new Float64Array(this.unitStarts[layers.length]);
    this.inputs = this.activations.subarray(0, layers[0]);
    this.outputs = this.activations.subarray(this.activations.length - layers[layers.length - 1]);
  }

  /** Computes every unit's output from `inputs`. */
  forward(): void {
    const { layers, unitStarts, weightStarts } = this;
    const last = layers.length - 1;
    for (let layer = 1; layer <= last; layer++) {
      const linear = this.linearOutput && layer === last;
      this.forwardLayer(weightStarts[layer], unitStarts[layer - 1], layers[layer - 1], unitStarts[layer], layers[layer], linear);
    }
  }

  /**
   * Four units at a time: each unit still sums bias, then inputs in order (Weka's order), but
   * the four independent sums keep the processor busy instead of waiting on one.
   */
  private forwardLayer(w: number, below: number, fanIn: number, here: number, size: number, linear: boolean): void {
    const { weights, activations } = this;
    const stride = fanIn + 1;
    let unit = 0;
    for (; unit + 4 <= size; unit += 4, w += 4 * stride) {
      let s0 = weights[w];
      let s1 = weights[w + stride];
      let s2 = weights[w + 2 * stride];
      let s3 = weights[w + 3 * stride];
      for (let i = 0, v = w + 1; i < fanIn; i++, v++) {
        const x = activations[below + i];
        s0 += x * weights[v];
        s1 += x * weights[v + stride];
        s2 += x * weights[v + 2 * stride];
        s3 += x * weights[v + 3 * stride];
      }
      activations[here + unit] = s0;
      activations[here + unit + 1] = s1;
      activations[here + unit + 2] = s2;
      activations[here + unit + 3] = s3;
    }
    for (; unit < size; unit++, w += stride) {
      let sum = weights[w];
      for (let i = 0; i < fanIn; i++) sum += activations[below + i] * weights[w + 1 + i];
      activations[here + unit] = sum;
    }
    if (linear) return;
    // Weka's sigmoid, which saturates to exactly 0 or 1 beyond ±45.
    for (let u = here; u < here + size; u++) {
      const x = activations[u];
      activations[u] = x < -45 ? 0 : x > 45 ? 1 : 1 / (1 + Math.exp(-x));
    }
  }

  /**
   * Draws the starting weights, uniform in [-0.05, 0.05), in the order Weka creates its
   * connections: output biases; each hidden layer's units (bias, then links from the layer
   * below when that is hidden); links from the inputs; links into the outputs.
   */
  initialise(random: JavaRandom): void {
    const draw = (): number => random.nextDouble() * 0.1 - 0.05;
    const { layers, weights } = this;
    const last = layers.length - 1;
    for (let unit = 0; unit < layers[last]; unit++) weights[this.weightIndex(last, unit, -1)] = draw();
    for (let layer = 1; layer < last; layer++) {
      for (let unit = 0; unit < layers[layer]; unit++) {
        weights[this.weightIndex(layer, unit, -1)] = draw();
        if (layer > 1) {
          for (let below = 0; below < layers[layer - 1]; below++) weights[this.weightIndex(layer, unit, below)] = draw();
        }
      }
    }
    for (let input = 0; input < layers[0]; input++) {
      for (let unit = 0; unit < layers[1]; unit++) weights[this.weightIndex(1, unit, input)] = draw();
    }
    if (last > 1) {
      for (let below = 0; below < layers[last - 1]; below++) {
        for (let unit = 0; unit < layers[last]; unit++) weights[this.weightIndex(last, unit, below)] = draw();
      }
    }
  }

  /** Where the weight of `unit` in `layer` from unit `below` of the layer beneath lives; -1 is the bias. */
  private weightIndex(layer: number, unit: number, below: number): number {
    return this.weightStarts[layer] + unit * (this.layers[layer - 1] + 1) + below + 1;
  }
}

/** Online backpropagation with momentum, with the scratch arrays it needs. */
export class Backpropagation {
  /** Each unit's error signal, laid out as `activations`; set the outputs' raw errors before `step`. */
  readonly errors: Float64Array;
  readonly outputErrors: Float64Array;
  private readonly changes: Float64Array;

  constructor(
    readonly network: Network,
    readonly learningRate: number,
    readonly momentum: number,
  ) {
    this.errors = new Float64Array(network.activations.length);
    this.outputErrors = this.errors.subarray(this.errors.length - network.outputs.length);
    this.changes = new Float64Array(network.weights.length);
  }

  /**
   * Learns from one example of the given weight. `outputErrors` hold target − output for each
   * output unit (after `forward`). Propagates them down with the current weights, then moves
   * every weight by rate × error × input plus momentum × its previous change.
   */
  step(exampleWeight: number): void {
    const { errors, changes, momentum } = this;
    const rate = this.learningRate * exampleWeight;
    const { weights, activations, layers, linearOutput, unitStarts: starts, weightStarts } = this.network;
    const last = layers.length - 1;

    if (!linearOutput) {
      for (let k = starts[last]; k < activations.length; k++) errors[k] *= activations[k] * (1 - activations[k]);
    }
    // Each hidden unit's error sums (error above × weight) over the units above, in their
    // order; looping over the units above outermost keeps that order and lets the sums of
    // different units run side by side.
    for (let layer = last - 1; layer >= 1; layer--) {
      const here = starts[layer];
      const size = layers[layer];
      for (let u = here; u < here + size; u++) errors[u] = 0;
      for (let k = 0, row = weightStarts[layer + 1] + 1; k < layers[layer + 1]; k++, row += size + 1) {
        const above = errors[starts[layer + 1] + k];
        for (let unit = 0; unit < size; unit++) errors[here + unit] += above * weights[row + unit];
      }
      for (let u = here; u < here + size; u++) errors[u] *= activations[u] * (1 - activations[u]);
    }

    for (let layer = 1; layer <= last; layer++) {
      const below = starts[layer - 1];
      const fanIn = layers[layer - 1];
      for (let unit = 0, w = weightStarts[layer]; unit < layers[layer]; unit++) {
        const step = rate * errors[starts[layer] + unit];
        const change = step + momentum * changes[w];
        weights[w] += change;
        changes[w] = change;
        const end = w + 1 + fanIn;
        for (let v = w + 1, i = below; v < end; v++, i++) {
          const change = step * activations[i] + momentum * changes[v];
          weights[v] += change;
          changes[v] = change;
        }
        w = end;
      }
    }
  }
}

/** How many weights (biases included) a network with these layer sizes has. */
export function weightCount(layers: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < layers.length; l++) count += layers[l] * (layers[l - 1] + 1);
  return count;
}

