import { EditableSession } from '../../core/project/example-edits.ts';
import type { Trainer } from '../../core/project/trainer.ts';
import { ProjectFile } from './project-file.ts';

/** Opens a project file and the session that works on it; the session writes every change back. */
export function openSession(path: string, trainer?: Trainer): { session: EditableSession; file: ProjectFile } {
  const file = ProjectFile.open(path);
  try {
    const contents = file.load();
    const session = new EditableSession(contents.settings, {
      store: file,
      trainer,
      examples: contents.examples,
      inactiveExamples: contents.inactiveExamples,
      history: contents.history,
      models: contents.models,
      templates: contents.templates,
      inactiveTemplates: contents.inactiveTemplates,
    });
    return { session, file };
  } catch (error) {
    file.close();
    throw error;
  }
}
