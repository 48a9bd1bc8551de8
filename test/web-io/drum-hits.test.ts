import { test } from 'node:test';
import assert from 'node:assert/strict';
import { level } from './audio-measures.ts';
import { studioTabs } from './studio-page.ts';
import './page-types.ts';

const openPage = studioTabs();

test('drum hits: silent until struck; a gesture strike and a value rising past the middle each strike a drum', async (t) => {
  const on = await openPage(t);
  if (!on) return;
  const samples = Float32Array.from(
    await on.evaluate(async () => {
      const rendered = await window.oscine.Offline(
        async (context) => {
          const sound = window.oscine.soundKinds.find((entry) => entry.id === 'drum-hits')!.create();
          await sound.start();
          sound.set([0.2, 0.2, 0.2, 0.2, 0.2]);
          context.setTimeout(() => sound.strike!(1), 0.5);
          context.setTimeout(() => sound.set([Number.NaN, Number.NaN, Number.NaN, 0.9, Number.NaN]), 1.5);
          context.setTimeout(() => sound.set([Number.NaN, Number.NaN, Number.NaN, 0.95, Number.NaN]), 2.5);
        },
        3.5,
        1,
        44100,
      );
      return Array.from(rendered.get()!.getChannelData(0));
    }),
  );
  const quiet = 1e-4;
  assert.ok(level(samples, 0, 0.5) < quiet, `silent before any strike: ${level(samples, 0, 0.5)}`);
  assert.ok(level(samples, 0.5, 0.7) > 0.01, `the strike sounds: ${level(samples, 0.5, 0.7)}`);
  assert.ok(level(samples, 1.5, 1.7) > 0.01, `rising past the middle strikes: ${level(samples, 1.5, 1.7)}`);
  assert.ok(level(samples, 2.5, 2.7) < level(samples, 1.5, 1.7) / 10, `staying above the middle strikes no more: ${level(samples, 2.5, 2.7)}`);
});
