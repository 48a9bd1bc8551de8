import { makeProject } from '../../src/core/project/project.ts';
import { Session } from '../../src/core/project/session.ts';
import { JavaRandom } from '../../src/core/util/java-random.ts';
import { ProjectFile } from '../../src/node/store/project-file.ts';

const BENCH_INPUTS = 4;
const CLASSES = 4;

/**
 * The project the OSC benchmarks play: 4 inputs; two continuous outputs on `mlp` and one
 * 4-class classifier on `knn`, each trained on `examples` samples of a smooth function.
 */
export async function buildBenchProject(path: string, examples = 500): Promise<void> {
  const settings = makeProject({
    name: 'OSC benchmark',
    inputs: BENCH_INPUTS,
    outputs: [
      { kind: 'continuous', model: 'mlp' },
      { kind: 'continuous', model: 'mlp' },
      { kind: 'classifier', classes: CLASSES, model: 'knn' },
    ],
  });
  const file = ProjectFile.create(path, settings);
  try {
    const session = new Session(settings, { store: file });
    const random = new JavaRandom(42);
    session.startRecording();
    for (let n = 0; n < examples; n++) {
      const x = Array.from({ length: BENCH_INPUTS }, () => random.nextDouble());
      session.setOutputValues(smoothFunction(x));
      session.input(x);
    }
    session.stopRecording();
    const trained = await session.trainModels();
    if (!trained.ok) throw new Error(`training the benchmark project failed: ${trained.reason}`);
  } finally {
    file.close();
  }
}

/** Frame `index` of `sender`: each sender walks its own closed loop through the input space, `perTurn` frames a turn. */
export function inputFrame(sender: number, index: number, perTurn: number): number[] {
  const angle = (2 * Math.PI * (index % perTurn)) / perTurn;
  return Array.from({ length: BENCH_INPUTS }, (_, i) => 0.5 + 0.45 * Math.sin((i + 1) * angle + 0.61 * sender + 1.9 * i));
}

/** Two values in [0, 1] and a class 1..4 that vary smoothly with the inputs. */
function smoothFunction([a, b, c, d]: number[]): number[] {
  const wave = 0.5 + 0.5 * Math.sin(2 * Math.PI * a) * Math.cos(Math.PI * b);
  const bowl = ((c - 0.5) ** 2 + (d - 0.5) ** 2) * 2;
  const quadrant = 1 + (a > 0.5 ? 1 : 0) + (c + d > 1 ? 2 : 0);
  return [wave, bowl, quadrant];
}
