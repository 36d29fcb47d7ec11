import { expect, it } from 'vitest';
import { buildDist } from '../src/build.js';
import { readTree } from '../src/core/files.js';
import { DIST } from './support/render.js';

it('dist/ is what `npm run synth` generates (run it and commit dist/)', () => {
  const want = buildDist();
  const have = readTree(DIST);
  const stale = [...want].filter(([k, v]) => have.get(k) !== v).map(([k]) => `changed or missing: ${k}`);
  const extra = [...have.keys()].filter((k) => !want.has(k)).map((k) => `not generated: ${k}`);
  expect([...stale, ...extra]).toEqual([]);
});
