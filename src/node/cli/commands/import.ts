import { examplesFromTable } from '../../../core/project/examples-import.ts';
import { InputError } from '../../../core/errors.ts';
import { readDataset } from '../../files/read-dataset.ts';
import { openSession } from '../../store/open-session.ts';
import { counted } from '../counted.ts';

/**
 * Adds the examples of an ARFF or CSV file to a project as one new recording round, its
 * columns matched to the project's inputs and outputs by name. Trained models of the outputs
 * that got examples are marked as needing retraining, as recording would.
 */
export function importCommand(project: string, data: string): void {
  const dataset = readDataset(data);
  const { session, file } = openSession(project);
  try {
    const { settings } = session;
    const read = examplesFromTable(settings, dataset, data);
    const before = [...session.exampleCounts()];
    const result = session.addExamples(read.examples);
    if (!result.ok) throw new InputError(`${project}: ${result.reason}`);
    const counts = session.exampleCounts().map((count, j) => count - before[j]);
    const stale = settings.outputs.filter((_, j) => session.modelStatus(j) === 'needs-retraining' && counts[j] > 0).map((o) => o.name);
    console.log(`Added ${counted(result.value.added, 'example')} from ${data} to ${project} as recording round ${result.value.round}`);
    settings.outputs.forEach((output, j) => console.log(`  ${output.name}: ${counted(counts[j], 'example')}`));
    if (read.unrecorded.length > 0) console.log(`  no column for ${read.unrecorded.join(', ')}: left unrecorded in these examples`);
    if (read.ignored.length > 0) console.log(`  ignored columns: ${read.ignored.join(', ')}`);
    if (stale.length > 0) console.log(`  the models of ${stale.join(', ')} need retraining: oscine train ${project}`);
  } finally {
    file.close();
  }
}
