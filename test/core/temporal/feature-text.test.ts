import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/errors.ts';
import { featureText, readFeatureText } from '../../../src/core/temporal/features/feature-text.ts';

const inputs = ['x', 'y', 'pressure'];

test('the text form names inputs by number or name, with windows, smoothing and a rate, and reads back to the same spec', () => {
  const spec = readFeatureText('1:velocity y:velocity:4 pressure:mean:20~avg(5) x:value~euro(0.5,0.02) rate=60', inputs);
  assert.deepEqual(spec, {
    rate: 60,
    features: [
      { input: 0, kind: 'velocity' },
      { input: 1, kind: 'velocity', window: 4 },
      { input: 2, kind: 'mean', window: 20, smoothing: { kind: 'moving-average', window: 5 } },
      { input: 0, kind: 'value', smoothing: { kind: 'one-euro', minCutoff: 0.5, beta: 0.02, derivativeCutoff: 1 } },
    ],
  });
  const text = featureText(spec);
  assert.equal(text, '1:velocity 2:velocity:4 3:mean:20~avg(5) 1:value~euro(0.5,0.02,1) rate=60');
  assert.deepEqual(readFeatureText(text, inputs), spec);
  assert.deepEqual(readFeatureText('  2:sd  ', inputs), { rate: 100, features: [{ input: 1, kind: 'sd' }] });
  assert.equal(featureText(readFeatureText('2:sd', inputs)), '2:sd');
  assert.equal(readFeatureText('none', inputs), null);
  assert.equal(featureText(null), 'none');
});

test('a bad feature line is refused with what is wrong and how to write it', () => {
  const refused = (text: string, message: string) =>
    assert.throws(() => readFeatureText(text, inputs), (e: unknown) => e instanceof InputError && e.message === message, text);
  refused('', 'no features given; write INPUT:KIND[:WINDOW][~euro(MINCUTOFF,BETA)|~avg(N)] …, e.g. "1:velocity 2:velocity 1:mean:20", or none');
  refused('velocity', `'velocity' is not a feature; write INPUT:KIND[:WINDOW][~euro(MINCUTOFF,BETA)|~avg(N)] …, e.g. "1:velocity 2:velocity 1:mean:20"`);
  refused('1:speed', "'1:speed': 'speed' is not a feature; choose value, velocity, acceleration, min, max, mean, sd, rms, zero-crossings");
  refused('4:value', "'4:value' reads input 4, but the inputs are numbered 1 to 3");
  refused('0:value', "'0:value' reads input 0, but the inputs are numbered 1 to 3");
  refused('z:value', "'z:value': 'z' is neither an input number nor an input name (x, y, pressure)");
  refused('1:mean:ten', "'1:mean:ten': the window must be a number, not 'ten'");
  refused('1:velocity:1', 'feature 1 (velocity) needs a window of at least 2 frames, not 1');
  refused('1:value~avg', "'1:value~avg': avg takes the frames to average over, as ~avg(5)");
  refused('1:value~euro(1,2,3,4)', "'1:value~euro(1,2,3,4)': euro takes at most 3 values, ~euro(MINCUTOFF,BETA,DCUTOFF)");
  refused('1:value~kalman', "'1:value~kalman': 'kalman' is not a smoothing; choose ~euro(MINCUTOFF,BETA) or ~avg(N)");
  refused('1:value rate=fast', "'rate=fast': the rate must be a number, not 'fast'");
  refused('1:value rate=-5', 'the features are not valid: rate: Too small: expected number to be >0');
  refused('1:value~euro(0)', 'the features are not valid: feature 1.smoothing.minCutoff: Too small: expected number to be >0');
});
