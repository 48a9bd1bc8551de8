import { EditableSession } from '../../core/project/example-edits.ts';
import type { ProjectSettings } from '../../core/project/project.ts';
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

/** A project's settings, read without writing to the file (safe while it is being served). */
export function readProjectSettings(path: string): ProjectSettings {
  const file = ProjectFile.open(path, { readonly: true });
  try {
    return file.load().settings;
  } finally {
    file.close();
  }
}
