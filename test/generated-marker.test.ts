import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { GENERATED } from '../src/core/generated-marker.js';
import { DIST } from './support/render.js';
import { ROOT } from './support/tools.js';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));

it('every file under dist/ says it is generated (Chart.yaml, templates, values, READMEs, Kustomize files)', () => {
  const unmarked = files(DIST).filter(
    (f) =>
      !readFileSync(f, 'utf8')
        .split('\n')
        .slice(0, 6)
        .some((l) => l.includes(GENERATED)),
  );
  expect(unmarked.map((f) => relative(ROOT, f))).toEqual([]);
});

it('.gitattributes marks dist/ and imports/ as generated', () => {
  const attrs = readFileSync(join(ROOT, '.gitattributes'), 'utf8');
  for (const p of ['dist/**', 'imports/**']) expect(attrs).toMatch(new RegExp(`^${p.replace(/\*/g, '\\*')} linguist-generated=true$`, 'm'));
});
