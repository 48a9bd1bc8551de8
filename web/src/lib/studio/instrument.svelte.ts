import { tick } from 'svelte';
import type { OutputRequestForm } from '../../../../src/core/studio/protocol.ts';
import { type PageSetup, loadSetup, saveSetup } from './page-setup.ts';
import { freshName, outputsFor } from './presets.ts';
import { defaultRoutes } from './routing.ts';
import { Sensors, inputNames } from './sensors.svelte.ts';
import { SoundOut, soundParameters } from './sound-out.svelte.ts';
import type { Studio } from './studio.svelte.ts';

/** What a new instrument is made of: the browser's inputs (or a number of OSC inputs), outputs and a sound. */
export interface Design {
  readonly name: string;
  readonly inputs: readonly string[];
  /** Inputs from OSC, when no built-in input is chosen. */
  readonly oscInputs?: number;
  readonly sound: string | null;
  readonly outputs?: readonly OutputRequestForm[];
}

/**
 * The page's side of the instrument: which of the browser's inputs feed the project, which
 * sound it plays and how the outputs drive it. The engine holds the project; this holds what
 * only a browser can do, remembered per project file.
 */
export class Instrument {
  setup = $state<PageSetup | undefined>(undefined);
  readonly sensors: Sensors;
  readonly sound = new SoundOut();
  /** The element the mouse or touch position is measured over. */
  playArea: Element | undefined;
  private file: string | undefined;

  constructor(private readonly studio: Studio) {
    this.sensors = new Sensors((frame) => {
      if (frame.length === studio.settings?.inputs.length) studio.sendFrame(frame);
    });
    studio.onOutputs = (values) => {
      const outputs = studio.settings?.outputs;
      if (outputs && this.setup) this.sound.follow(outputs, values, this.setup.routes);
    };
    studio.gestures.onFired = (output, gesture) => {
      const before = studio.settings?.gestureOutputs.slice(0, output).reduce((sum, o) => sum + o.gestures.length, 0) ?? 0;
      this.sound.strike(before + gesture);
    };
    window.addEventListener('storage', () => this.follow(this.file, true));
  }

  /** Takes up the setup this browser remembers for the project on stage. */
  follow(file: string | undefined, force = false): void {
    if (file === this.file && !force) return;
    const changed = file !== this.file;
    this.file = file;
    this.setup = file ? loadSetup(file) : undefined;
    if (changed) {
      this.sensors.stop();
      this.sound.stop();
    }
  }

  /** Carries a setup over to a copy of the project (saved under another name), and plays on. */
  async adopt(file: string, setup: PageSetup | undefined): Promise<void> {
    if (!setup) return;
    saveSetup(file, setup);
    this.follow(file, true);
    await this.startAll();
  }

  /** How many numbers the chosen inputs give, and whether that is what the project takes. */
  inputWidth(): { given: number; wanted: number } {
    return { given: inputNames(this.setup?.inputs ?? []).length, wanted: this.studio.settings?.inputs.length ?? 0 };
  }

  choose(change: Partial<PageSetup>): void {
    if (!this.file) return;
    const settings = this.studio.settings;
    const base: PageSetup = this.setup ?? { inputs: [], sound: null, routes: [] };
    let next: PageSetup = { ...base, ...change };
    if (change.sound !== undefined && change.routes === undefined && settings) next = { ...next, routes: defaultRoutes(settings.outputs, soundParameters(next.sound)) };
    this.setup = next;
    saveSetup(this.file, next);
  }

  /**
   * Makes the project on the server, then starts its inputs and sound (this runs from a click,
   * so sound may start). `onMade` runs first, so the view that shows the play area is up.
   */
  async create(design: Design, onMade: () => void): Promise<boolean> {
    const files = (await this.studio.ask<{ file: string }[]>({ do: 'listProjects' })) ?? [];
    const name = freshName(design.name, files.map((f) => f.file));
    const parameters = soundParameters(design.sound);
    const outputs = design.outputs ?? outputsFor(parameters);
    const inputs = design.inputs.length > 0 ? inputNames(design.inputs) : Array.from({ length: design.oscInputs ?? 1 }, (_, i) => `inputs-${i + 1}`);
    if (outputs.length === 0) {
      this.studio.notify('Add at least one output, or choose a sound to make them from', 'error');
      return false;
    }
    const made = await this.studio.ask<{ file: string }>({ do: 'newProject', name, inputs, outputs: [...outputs] });
    if (!made) return false;
    const routes = defaultRoutes(outputs.filter((o) => o.kind !== 'gesture'), parameters);
    const setup: PageSetup = { inputs: design.inputs, sound: design.sound, routes };
    saveSetup(made.file, setup);
    this.file = made.file;
    this.setup = setup;
    this.studio.notify(`Made '${name}' (${made.file})`);
    onMade();
    await this.startAll();
    return true;
  }

  /** Starts the chosen inputs and sound, once the view that shows the play area is up. */
  async startAll(): Promise<void> {
    await tick();
    const setup = this.setup;
    if (!setup) return;
    await Promise.all([this.sensors.start(setup.inputs, { element: this.playArea }), setup.sound ? this.sound.start(setup.sound) : Promise.resolve()]);
    if (this.sensors.problem) this.studio.notify(this.sensors.problem, 'error');
    if (this.sound.problem) this.studio.notify(this.sound.problem, 'error');
    this.sound.follow(this.studio.settings?.outputs ?? [], this.studio.values, setup.routes);
  }
}
