import { countPerOutput } from '../../../core/project/example.ts';
import { followingAddress } from '../../../core/project/gesture-output.ts';
import { templateCounts } from '../../../core/project/gesture-template.ts';
import { featureText } from '../../../core/temporal/features/feature-text.ts';
import { ProjectFile } from '../../store/project-file.ts';

/** Describes a project: its inputs, outputs, examples per output, model states and gesture templates. Safe while a server has it open. */
export function infoCommand(path: string, options: { json?: boolean }): void {
  const file = ProjectFile.open(path, { readonly: true });
  let contents;
  try {
    contents = file.load();
  } finally {
    file.close();
  }
  const { settings } = contents;
  const inactive = new Set(contents.inactiveExamples);
  const active = contents.examples.filter((e) => !inactive.has(e.id));
  const counts = countPerOutput(active, settings.outputs.length);
  const rounds = new Set(active.map((e) => e.round)).size;
  const outputs = settings.outputs.map((o, j) => ({
    name: o.name,
    kind: o.kind,
    ...(o.kind === 'classifier' ? { classes: o.classes, probabilities: o.probabilities } : { min: o.min, max: o.max, integer: o.integer, hardLimits: o.hardLimits }),
    model: o.model,
    params: o.params,
    inputs: o.inputs.flatMap((on, i) => (on ? [settings.inputs[i]] : [])),
    features: o.features ? featureText(o.features) : null,
    examples: counts[j],
    status: contents.models[j]?.status ?? 'untrained',
  }));
  const templates = templateCounts(contents.templates, settings.gestureOutputs.map((o) => o.gestures.length));
  const gestureOutputs = settings.gestureOutputs.map((o, j) => ({
    name: o.name,
    kind: 'gesture' as const,
    matching: o.matching,
    options: o.options,
    inputs: o.inputs.flatMap((on, i) => (on ? [settings.inputs[i]] : [])),
    features: o.features && featureText(o.features),
    following: o.following ? followingAddress(o) : null,
    gestures: o.gestures.map((g, k) => ({ ...g, templates: templates[j][k] })),
  }));
  if (options.json) {
    console.log(JSON.stringify({ name: settings.name, inputs: settings.inputs, outputs, gestureOutputs, examples: active.length, rounds, templates: contents.templates.length, osc: settings.osc }));
    return;
  }
  const lines = [
    `${settings.name} — ${path}`,
    `${active.length} examples in ${rounds} recording rounds`,
    `Inputs (${settings.inputs.length}): ${settings.inputs.join(', ')}`,
    `Outputs:`,
    ...settings.outputs.map((o, j) => {
      const range = o.kind === 'classifier' ? `${o.classes} classes` : `${o.min}..${o.max}${o.integer ? ', whole numbers' : ''}${o.hardLimits ? ', hard limits' : ''}`;
      const features = outputs[j].features ? `; features ${outputs[j].features}` : '';
      return `  ${j + 1}. ${o.name}: ${o.kind}, ${range}; ${o.model}${features}; ${outputs[j].examples} examples; ${outputs[j].status}`;
    }),
    ...gestureOutputs.flatMap((o, j) => [
      `  ${settings.outputs.length + j + 1}. ${o.name}: gesture, ${o.gestures.length} gestures${o.matching === 'once' ? ', matched once when running stops' : ''}; reads ${o.inputs.join(', ')}` +
        `${o.features ? `; features ${o.features}` : ''}${o.following ? `; following → ${o.following}` : ''}`,
      ...o.gestures.map((g, k) => {
        const threshold = g.threshold === null ? 'learned threshold' : `threshold ${g.threshold}`;
        return `     ${k + 1}. ${g.name} → ${g.address}: ${g.templates} templates; ${threshold}${g.enabled ? '' : '; off'}`;
      }),
    ]),
    `OSC: listens on ${settings.osc.host}:${settings.osc.port} for ${settings.osc.inputAddress}; sends ${settings.osc.outputAddress} to ${settings.osc.outputHost}:${settings.osc.outputPort}`,
  ];
  console.log(lines.join('\n'));
}
