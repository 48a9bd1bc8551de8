import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../../core/errors.ts';
import { evalCommand } from './commands/eval.ts';
import { modelsCommand } from './commands/models.ts';
import { predictCommand } from './commands/predict.ts';
import { trainCommand } from './commands/train.ts';
import { collectParam, wholeNumber } from './options.ts';
import { collectOutput } from './output-spec.ts';
import { infoCommand } from './commands/info.ts';
import { newCommand } from './commands/new.ts';
import { featuresCommand } from './commands/features.ts';
import { gestureOptionsCommand } from './commands/gesture-options.ts';
import { MATCH_OPTION_KEYS } from '../../core/temporal/match-option-text.ts';
import { serveCommand } from './commands/serve.ts';
import { DEFAULT_STUDIO_PORT } from '../server/studio-server.ts';
import { runCommand } from './commands/run.ts';
import { addOscFlags } from './osc-flags.ts';
import { importWekinatorCommand } from './commands/import-wekinator.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';

/** Exit codes: 0 done, 2 the user's input was wrong (the message says how), 1 a fault in Oscine. */
const USER_ERROR = 2;

const program = new Command('oscine')
  .description('Build machine-learning instruments by demonstration (a successor to Wekinator).')
  .exitOverride()
  .configureOutput({ outputError: () => {} });

const modelOption = () => new Option('-m, --model <name>', 'the model: knn, mlp, linear, poly, j48, adaboost, svm, naive-bayes, stump (data files)');
const classOption = () => new Option('-c, --class <name|number>', 'the attribute to predict (default: the last)');
const paramOption = () => new Option('-p, --param <key=value>', 'a model parameter, repeatable (see `oscine models`)').argParser(collectParam);

program
  .command('eval')
  .description('judge a model on a data file, or every output of a project, by stratified k-fold cross-validation')
  .argument('<data>', 'an .arff or .csv file, or a .oscine project')
  .addOption(modelOption())
  .addOption(classOption())
  .option('-f, --folds <k>', 'number of folds', wholeNumber('--folds', 2), 10)
  .option('-s, --seed <n>', 'seed for the folds (Weka uses 1)', wholeNumber('--seed', 0), 1)
  .option('--training', 'judge on the training data itself instead of held-out folds')
  .addOption(paramOption())
  .option('--json', 'print one JSON object')
  .action(evalCommand);

program
  .command('train')
  .description('train a model on a data file and save it, or train every output of a project')
  .argument('<data>', 'an .arff or .csv file, or a .oscine project')
  .addOption(modelOption())
  .addOption(classOption())
  .addOption(paramOption())
  .option('-o, --out <model.json>', 'where to save the model (data files)')
  .action(trainCommand);

program
  .command('predict')
  .description('print one prediction per input row (CSV or ARFF; stdin when no file)')
  .argument('<model.json>', 'a model saved by `oscine train`')
  .argument('[inputs]', 'a .csv or .arff file of inputs')
  .option('--probabilities', 'for classifiers, also print the probability of each class')
  .action(predictCommand);

program
  .command('new')
  .description("create a project: Wekinator's quick setups, or a custom mix of outputs")
  .argument('<file.oscine>', 'the project file to create')
  .requiredOption('-i, --inputs <n>', 'number of inputs', wholeNumber('--inputs', 1))
  .option('-o, --outputs <m>', 'number of outputs, all of one --type', wholeNumber('--outputs', 1))
  .addOption(new Option('-t, --type <type>', 'the type of every output').choices(['continuous', 'classifier']))
  .option('-k, --classes <k>', 'classes per classifier output', wholeNumber('--classes', 2))
  .option('--output <spec>', 'one output, repeatable: name:continuous[:min:max], name:classifier:K or name:gesture[:G][:following] (G gestures, 5 by default; following: also send the gesture under way)', collectOutput)
  .option('-n, --name <name>', "the project's name (default: the file's)")
  .action(newCommand);

program
  .command('features')
  .description('show what each output computes from the inputs, or set it: examples and templates stay raw, so nothing needs recording again')
  .argument('<file.oscine>', 'a project file')
  .argument('[features]', 'INPUT:KIND[:WINDOW][~euro(MINCUTOFF,BETA)|~avg(N)] … (kinds: value, velocity, acceleration, min, max, mean, sd, rms, zero-crossings), or none')
  .option('--output <name>', 'the output, by name or number from 1, gesture outputs last (needed when there are several)')
  .action(featuresCommand);

program
  .command('gesture-options')
  .description("show how each gesture output matches, or change an output's matcher options: it learns again at once from its templates")
  .argument('<file.oscine>', 'a project file')
  .argument('[options...]', `KEY=VALUE … (keys: ${MATCH_OPTION_KEYS.join(', ')}), e.g. radius=3 pattern=symmetric derivatives=off`)
  .option('--output <name>', 'the gesture output, by name or number from 1 among all outputs (needed when there are several)')
  .action(gestureOptionsCommand);

program
  .command('info')
  .description('describe a project: inputs, outputs, examples and models (safe while it is being served)')
  .argument('<file.oscine>', 'a project file')
  .option('--json', 'print one JSON object')
  .action(infoCommand);

program
  .command('import-wekinator')
  .description('turn a Wekinator 2.x project folder into an Oscine project: settings, examples, and freshly trained models')
  .argument('<folder>', 'the Wekinator project folder (or its .wekproj file)')
  .argument('[out.oscine]', "the project file to create (default: the project's name, in the current folder)")
  .action(importWekinatorCommand);

program
  .command('export')
  .description("write a project's examples as ARFF (Wekinator's currentData.arff layout) or CSV")
  .argument('<file.oscine>', 'a project file')
  .argument('<out>', 'the .arff or .csv file to write')
  .option('--force', 'replace the file if it exists')
  .action(exportCommand);

program
  .command('import')
  .description("add the examples of an ARFF or CSV file to a project as a new recording round (columns matched by name)")
  .argument('<file.oscine>', 'a project file')
  .argument('<data>', 'an .arff or .csv file with a column per input and per output')
  .action(importCommand);

addOscFlags(
  program
    .command('serve')
    .description("the main job: serve a project over Wekinator's OSC protocol and the studio (creates it with 5 inputs and 5 outputs if missing)")
    .argument('[file.oscine]', 'the project (default: untitled.oscine in this folder)')
    .addOption(new Option('--studio-port <port>', `the studio's web port (0: any free one)`).argParser(wholeNumber('--studio-port', 0)).default(DEFAULT_STUDIO_PORT))
    .option('--no-studio', 'serve OSC only, without the studio')
    .option('--tls-cert <file>', "serve the studio over https with your own certificate (PEM); beyond loopback Oscine otherwise makes one")
    .option('--tls-key <file>', "the private key (PEM) of --tls-cert"),
).action(serveCommand);

addOscFlags(
  program
    .command('run')
    .description('headless performance: train what is untrained, run, and keep running until stopped')
    .argument('<file.oscine>', 'the project'),
).action(runCommand);

(await import('./commands/eval-series.ts')).addEvalSeries(program);
program.command('models').description('list the models and their parameters').option('--json', 'print JSON').action(modelsCommand);
(await import('./commands/rhythm.ts')).registerRhythmCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0; // --help, --version
    console.error(`oscine: ${error.message.replace(/^error: /, '')}`);
    return USER_ERROR;
  }
  if (error instanceof InputError) {
    console.error(`oscine: ${error.message}`);
    return USER_ERROR;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`oscine: internal error: ${message}. This is a bug in Oscine; run with OSCINE_DEBUG=1 for details.`);
  if (process.env.OSCINE_DEBUG) console.error(error);
  return 1;
}
