import { InputError } from '../../core/errors.ts';
import { Emitter } from '../../core/project/events.ts';
import { type Live, goLive } from '../cli/live.ts';
import type { OscFlags } from '../cli/osc-flags.ts';

interface StageEvents {
  /** Another project is on stage: faces follow its session from now on. */
  switched: { readonly live: Live; readonly path: string };
}

/**
 * The project being served, which the studio can replace by another (a new one, one opened,
 * a copy saved under another name). One at a time: the OSC port and the studio always serve
 * the project on stage, and the one before is closed and saved first.
 */
export class Stage {
  readonly events = new Emitter<StageEvents>();
  private changing = false;

  private constructor(
    private current: Live,
    private currentPath: string,
    private readonly flags: OscFlags,
  ) {}

  /** Opens a project on stage; the OSC flags given are saved in it, and in every project opened later. */
  static async open(path: string, flags: OscFlags): Promise<Stage> {
    return new Stage(await goLive(path, flags, 'serving'), path, flags);
  }

  get live(): Live {
    return this.current;
  }

  get path(): string {
    return this.currentPath;
  }

  /** Another project is being opened: the session on stage is closing and takes nothing more. */
  get opening(): boolean {
    return this.changing;
  }

  /**
   * Closes the project on stage, then runs `next` (which may create or copy files) and opens the
   * project file it names. If that fails, the previous project comes back and the error is thrown.
   */
  async replace(next: () => string): Promise<void> {
    if (this.changing) throw new InputError('another project is being opened; wait for it');
    this.changing = true;
    try {
      // Frames keep coming from pages while the next project opens: the closing one must ignore them.
      this.current.session.stopRecording();
      this.current.session.stopRunning();
      await this.current.close();
      try {
        const path = next();
        this.current = await goLive(path, this.flags, 'serving');
        this.currentPath = path;
      } catch (error) {
        this.current = await goLive(this.currentPath, this.flags, 'serving');
        throw error;
      } finally {
        // The session is a new one even when the previous project came back.
        this.events.emit('switched', { live: this.current, path: this.currentPath });
      }
    } finally {
      this.changing = false;
    }
  }

  close(): Promise<void> {
    return this.current.close();
  }
}
