import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { mustExec, ROOT } from './support/tools.js';

/** imports/ holds what `npm run import` generates from our CRDs today (a changed CRD needs a re-import). */
it('imports/ is what `npm run import` generates', async () => {
  const out = mkdtempSync(join(tmpdir(), 'kf-imports-'));
  await mustExec(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/import-crds.ts'), out]);
  const files = readdirSync(out);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files)
    expect(readFileSync(join(out, f), 'utf8'), `imports/${f} is stale: run npm run import`).toBe(
      readFileSync(join(ROOT, 'imports', f), 'utf8'),
    );
}, 120_000);
