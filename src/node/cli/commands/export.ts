import { existsSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../../../core/errors.ts';
import { examplesToArff, examplesToCsv } from '../../../core/project/examples-export.ts';
import { ProjectFile } from '../../store/project-file.ts';
import { counted } from '../counted.ts';

/** Writes a project's examples (those in use) as Wekinator's currentData.arff layout or as CSV. */
export function exportCommand(project: string, out: string, options: { force?: boolean }): void {
  const kind = extname(out).toLowerCase();
  if (kind !== '.arff' && kind !== '.csv') throw new InputError(`${out}: Oscine exports examples as .arff or .csv, not '${kind || 'a file without an extension'}'`);
  if (existsSync(out) && !options.force) throw new InputError(`${out} already exists; choose another name, or add --force to replace it`);
  const file = ProjectFile.open(project, { readonly: true });
  let contents;
  try {
    contents = file.load();
  } finally {
    file.close();
  }
  const inactive = new Set(contents.inactiveExamples);
  const examples = contents.examples.filter((e) => !inactive.has(e.id));
  const text = kind === '.arff' ? examplesToArff(contents.settings, examples) : examplesToCsv(contents.settings, examples);
  writeFileSync(out, text);
  const rounds = new Set(examples.map((e) => e.round)).size;
  console.log(`Exported ${counted(examples.length, 'example')} (${counted(rounds, 'recording round')}) of '${contents.settings.name}' → ${out}`);
}
