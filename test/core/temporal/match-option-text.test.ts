import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchOptions } from '../../../src/core/temporal/match-options.ts';
import { MATCH_OPTION_KEYS, matchOptionsText, readMatchOption, readMatchOptionItems } from '../../../src/core/temporal/match-option-text.ts';

test('each matcher option is read from a word or a number, as typed or as a patch sends it', () => {
  assert.deepEqual(readMatchOption('radius', 3), { radius: 3 });
  assert.deepEqual(readMatchOption('radius', 'none'), { radius: null });
  assert.deepEqual(readMatchOption('pattern', 'symmetric'), { pattern: 'symmetric' });
  assert.deepEqual(readMatchOption('derivatives', 'off'), { derivatives: false });
  assert.deepEqual(readMatchOption('derivatives', 1), { derivatives: true });
  assert.deepEqual(readMatchOption('downsample', '4'), { downsample: 4 });
  assert.deepEqual(readMatchOptionItems(['inputNormalisation=minmax', 'lengthNormalisation=template', 'minTriggerInterval=150']), {
    inputNormalisation: 'minmax',
    lengthNormalisation: 'template',
    minTriggerInterval: 150,
  });
});

test('every option written out reads back to the same options', () => {
  const options = matchOptions({ radius: 2.5, derivatives: false, pattern: 'classic' });
  const text = matchOptionsText(options, true);
  assert.equal(text.split(' ').length, MATCH_OPTION_KEYS.length);
  assert.deepEqual(matchOptions(readMatchOptionItems(text.split(' '))), options);
  assert.equal(matchOptionsText({ hysteresis: 0.3 }), 'hysteresis=0.3');
});

test('unknown keys and bad values are refused with what to write instead', () => {
  const refused = (f: () => unknown, message: RegExp) => assert.throws(f, { name: 'InputError', message });
  refused(() => readMatchOption('band', 3), /^'band' is not a gesture option; choose pattern, radius, lengthNormalisation, inputNormalisation, downsample, derivatives, thresholdSpread, hysteresis, minTriggerInterval$/);
  refused(() => readMatchOption('radius', 'wide'), /^gesture option 'radius' takes a number \(or none\), not 'wide'$/);
  refused(() => readMatchOption('radius', -1), /^gesture option 'radius' is not valid: Too small/);
  refused(() => readMatchOption('downsample', 1.5), /^gesture option 'downsample' is not valid: .*expected int/);
  refused(() => readMatchOption('pattern', 'diagonal'), /^gesture option 'pattern' is not valid: .*"classic"\|"symmetric"\|"slope"/);
  refused(() => readMatchOption('derivatives', 'maybe'), /^gesture option 'derivatives' is on or off, not 'maybe'$/);
  refused(() => readMatchOption('hysteresis', ''), /^gesture option 'hysteresis' takes a number, not ''$/);
  refused(() => readMatchOptionItems(['radius']), /^'radius' is not an option; write KEY=VALUE, e\.g\. radius=3/);
});
