// Run by kill-recording.test.ts as `node --import tsx record-until-killed.ts <new project path>`:
// makes a project and records 1,000 frames a second into it until the parent kills it.
// Frame n (counted from 1) has the inputs [n, sin n]; the parent checks example n holds exactly that.
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';

/** A child its parent forgot must not record forever. */
const GIVE_UP_MS = 20_000;

const path = process.argv[2];
const settings = makeProject({ name: 'Killed mid-take', inputs: 2, outputs: [{ kind: 'continuous', min: 0, max: 1 }] });
const session = new Session(settings, { store: ProjectFile.create(path, settings) });
session.startRecording();
const started = performance.now();
let sent = 0;
setInterval(() => {
  // Timers fire about every millisecond, sometimes later: catching up keeps the rate at 1 kHz.
  const due = Math.floor(performance.now() - started);
  while (sent < due) {
    sent++;
    session.setOutputValue(0, (sent % 1000) / 1000);
    session.input([sent, Math.sin(sent)]);
  }
}, 1);
setTimeout(() => process.exit(2), GIVE_UP_MS);
process.stdout.write('recording\n');
