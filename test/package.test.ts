import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { parseObjects } from './support/objects.js';
import { mustExec, ROOT } from './support/tools.js';

/**
 * Platform teams consume the compiled package (`npm pack` runs the same build as prepack): its entry
 * point must load from plain JavaScript and synthesize a platform in a user's own cdk8s app.
 */
it('the compiled package synthesizes a platform from plain JavaScript', async () => {
  const out = mkdtempSync(join(tmpdir(), 'kf-pkg-'));
  await mustExec(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out]);
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
  const api = await import(pathToFileURL(join(out, 'src/index.js')).href);
  const { App, Chart } = await import('cdk8s');
  const app = new App({ outdir: out });
  const chart = new Chart(app, 'platform', { disableResourceNameHashes: true });
  new api.KubeflowPlatform(chart, 'kubeflow', { preset: 'notebooks', global: { imageRegistry: 'registry.internal' } });
  const objs = parseObjects(app.synthYaml());
  expect(objs.some((o) => o.kind === 'Deployment' && o.metadata.name === 'centraldashboard')).toBe(true);
  expect(objs.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.metadata.name)).toContain('notebooks.kubeflow.org');
  for (const o of objs) for (const c of o.spec?.template?.spec?.containers ?? []) expect(c.image).toMatch(/^registry\.internal\//);
}, 120_000);
