import { ALGORITHMS } from '../../../core/learn/algorithms.ts';
import type { ParamSpec } from '../../../core/learn/params.ts';

/** Lists every model with what it learns and its parameters, defaults first. */
export function modelsCommand(options: { json?: boolean }): void {
  if (options.json) {
    console.log(JSON.stringify(ALGORITHMS.map(({ name, summary, tasks, params }) => ({ name, summary, tasks, params }))));
    return;
  }
  const lines: string[] = [];
  for (const algorithm of ALGORITHMS) {
    lines.push(`${algorithm.name} — ${algorithm.summary} (${algorithm.tasks.join(', ')})`);
    for (const [key, spec] of Object.entries(algorithm.params)) {
      lines.push(`    ${key}=${String(spec.default)}  ${spec.help}${range(spec)}`);
    }
  }
  console.log(lines.join('\n'));
}

function range(spec: ParamSpec): string {
  if (spec.type === 'choice') return ` (${spec.choices.join(' | ')})`;
  if (spec.type === 'boolean') return ' (true | false)';
  const bounds = [spec.min !== undefined ? `≥ ${spec.min}` : '', spec.max !== undefined ? `≤ ${spec.max}` : ''].filter(Boolean);
  return bounds.length ? ` (${bounds.join(', ')})` : '';
}
