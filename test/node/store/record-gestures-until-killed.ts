// Run by gesture-templates.test.ts as `node --import tsx record-gestures-until-killed.ts <new project path>`:
// makes a project with a gesture output and records templates into it, one after another, until
// the parent kills it. Template n (counted from 1) is 20 frames [n, i] (i = 0…19) of gesture
// n mod 3; "kept n" is printed once template n is stored.
import { makeProject } from '../../../src/core/project/project.ts';
import { Session } from '../../../src/core/project/session.ts';
import { ProjectFile } from '../../../src/node/store/project-file.ts';

/** A child its parent forgot must not record forever. */
const GIVE_UP_MS = 20_000;

const path = process.argv[2];
const settings = makeProject({ name: 'Killed mid-gesture', inputs: 2, outputs: [{ kind: 'gesture', gestures: 3 }] });
const session = new Session(settings, { store: ProjectFile.create(path, settings) });
let n = 0;
setInterval(() => {
  n++;
  session.gestures.startRecording(0, n % 3);
  for (let i = 0; i < 20; i++) session.input([n, i]);
  const kept = session.gestures.stopRecording();
  if (kept.ok) process.stdout.write(`kept ${n}\n`);
}, 2);
setTimeout(() => process.exit(2), GIVE_UP_MS);
