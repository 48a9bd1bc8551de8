import { basename } from 'node:path';
import { InputError } from '../../../core/errors.ts';
import { type OutputRequest, makeProject } from '../../../core/project/project.ts';
import { ProjectFile } from '../../store/project-file.ts';

export interface NewOptions {
  readonly inputs: number;
  readonly outputs?: number;
  readonly type?: 'continuous' | 'classifier';
  readonly classes?: number;
  readonly output?: OutputRequest[];
  readonly name?: string;
}

/** Creates a project file: Wekinator's quick setups (N inputs, M outputs of one type) or a custom mix. */
export function newCommand(path: string, options: NewOptions): void {
  if (!path.endsWith('.oscine')) throw new InputError(`${path}: a project file's name ends in .oscine`);
  const outputs = options.output ?? quickOutputs(options);
  const settings = makeProject({ name: options.name ?? basename(path, '.oscine'), inputs: options.inputs, outputs });
  ProjectFile.create(path, settings).close();
  const described = [
    ...settings.outputs.map((o) => (o.kind === 'classifier' ? `${o.name} (${o.classes} classes, ${o.model})` : `${o.name} (${o.min}..${o.max}, ${o.model})`)),
    ...settings.gestureOutputs.map((o) => `${o.name} (${o.gestures.length} gestures${o.following ? ', following' : ''})`),
  ];
  console.log(`Created ${path}: ${settings.inputs.length} inputs → ${described.join(', ')}`);
}

function quickOutputs(options: NewOptions): OutputRequest[] {
  const count = options.outputs ?? 1;
  const type = options.type ?? 'continuous';
  if (type === 'classifier') {
    if (options.classes === undefined) throw new InputError('--type classifier needs --classes K');
    return Array.from({ length: count }, () => ({ kind: 'classifier' as const, classes: options.classes! }));
  }
  if (options.classes !== undefined) throw new InputError('--classes goes with --type classifier');
  return Array.from({ length: count }, () => ({ kind: 'continuous' as const }));
}
