import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packedPackage } from './support/packed.js';
import { exec, ROOT } from './support/tools.js';

/** What `npm publish` would ship: the compiled library, its types, the command, the charts; no sources or tools. */
it('npm pack ships lib (ESM + types), bin, dist and docs, and the packed command synthesizes a platform', async () => {
  const { dir, files } = await packedPackage();
  for (const f of ['lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/cli/run.js', 'bin/kubeflow-cdk8s.mjs', 'dist/helm/kubeflow/Chart.yaml',
    'dist/platform/helmfile.yaml', 'scripts/setup-tools.mjs', 'README.md', 'package.json']) expect(files, f).toContain(f);
  expect(files.filter((f) => /^(src|test|\.tools|node_modules)\//.test(f))).toEqual([]);
  const out = join(dir, 'out');
  const r = await exec(process.execPath, [join(dir, 'bin', 'kubeflow-cdk8s.mjs'), 'synth', '-q', '-f', join(ROOT, 'examples', 'platform.yaml'), '-o', out], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  expect(existsSync(join(out, 'helm', 'kubeflow', 'Chart.yaml'))).toBe(true);
  expect(existsSync(join(out, 'platform', 'helmfile.yaml'))).toBe(true);
}, 240_000);
