import { followingAddress, gestureCount } from '../project/gesture-output.ts';
import type { GestureFollowing } from '../project/gesture-slots.ts';
import type { ProjectSettings } from '../project/project.ts';
import { type OutgoingArgument, type OutgoingMessage, float } from './message.ts';

interface Distribution {
  readonly message: OutgoingMessage;
  readonly args: OutgoingArgument[];
  /** Computed for the current frame and not yet sent. */
  pending: boolean;
}

/**
 * The messages a running project sends on every frame, built once per project settings and
 * refilled in place: `/wek/outputs` with one float32 per output, then one distance per gesture of
 * each gesture output (+Infinity is sent as float32 infinity), and for each classifier with
 * probabilities on, `/<output name>` with K+1 floats. Like Wekinator, the first of those is
 * class 0, which no example can have, so a patch reads class k's probability at index k. A gesture
 * output with following on sends `/<output name>/following` with three floats: the gesture under
 * way (from 1, 0 for none; a float like every number Wekinator sends, so it takes the fast path
 * too), its progress (0..1) and its speed against its template.
 */
export class OutputMessages {
  private readonly valuesArgs: OutgoingArgument[];
  private readonly valuesMessage: OutgoingMessage;
  private readonly distributions: (Distribution | null)[];
  /** Per gesture output, its following message, or null when following is off. */
  private readonly followings: (OutgoingMessage | null)[];

  constructor(settings: ProjectSettings) {
    this.valuesArgs = Array.from({ length: settings.outputs.length + gestureCount(settings.gestureOutputs) }, () => float(0));
    this.valuesMessage = { address: settings.osc.outputAddress, args: this.valuesArgs };
    this.distributions = settings.outputs.map((output) => {
      if (output.kind !== 'classifier' || !output.probabilities) return null;
      const args = Array.from({ length: output.classes + 1 }, () => float(0));
      return { message: { address: `/${output.name}`, args }, args, pending: false };
    });
    this.followings = settings.gestureOutputs.map((output) => (output.following ? { address: followingAddress(output), args: [float(0), float(0), float(0)] } : null));
  }

  /** Sends the following of each gesture output that has it on, after the outputs message. */
  sendFollowing(following: readonly GestureFollowing[], send: (message: OutgoingMessage) => void): void {
    for (let j = 0; j < this.followings.length; j++) {
      const message = this.followings[j];
      if (!message) continue;
      const { gesture, progress, speed } = following[j];
      message.args[0].value = gesture + 1;
      message.args[1].value = progress;
      message.args[2].value = speed;
      send(message);
    }
  }

  /** The outputs message, holding these values and then each gesture output's distances. */
  values(values: Float64Array, distances: readonly Float64Array[] = []): OutgoingMessage {
    const args = this.valuesArgs;
    for (let j = 0; j < values.length; j++) args[j].value = values[j];
    let at = values.length;
    for (const output of distances) for (let k = 0; k < output.length; k++) args[at++].value = output[k];
    return this.valuesMessage;
  }

  /** Keeps one classifier's class probabilities (classes 1..K) until `sendDistributions`. */
  holdDistribution(output: number, probabilities: Float64Array): void {
    const distribution = this.distributions[output];
    if (!distribution) return;
    for (let k = 0; k < probabilities.length; k++) distribution.args[k + 1].value = probabilities[k];
    distribution.pending = true;
  }

  /** Sends the distributions held for this frame, after the outputs message as Wekinator does. */
  sendDistributions(send: (message: OutgoingMessage) => void): void {
    for (const distribution of this.distributions) {
      if (!distribution?.pending) continue;
      distribution.pending = false;
      send(distribution.message);
    }
  }
}
