import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { emitYaml } from '../src/core/yaml-emit.js';
import { byKey, canonical, parseObjects } from './support/objects.js';
import { DIST } from './support/render.js';
import { helmTemplate, mustExec, tools } from './support/tools.js';

const UMBRELLA = join(DIST, 'helm', 'kubeflow');
const preset = (p: string) =>
  parseYaml(readFileSync(join(UMBRELLA, 'presets', `${p}.yaml`), 'utf8')) as Record<string, Record<string, unknown>>;

it('a vendor chart that depends on the packaged kubeflow chart renders the same objects (two levels of subcharts)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kf-vendor-'));
  const vendor = join(dir, 'acme-ml-platform');
  mkdirSync(join(vendor, 'charts'), { recursive: true });
  await mustExec(tools.helm3, ['package', UMBRELLA, '-d', join(vendor, 'charts')]);
  const version = (parseYaml(readFileSync(join(UMBRELLA, 'Chart.yaml'), 'utf8')) as { version: string }).version;
  writeFileSync(
    join(vendor, 'Chart.yaml'),
    emitYaml({ apiVersion: 'v2', name: 'acme-ml-platform', version: '1.0.0', dependencies: [{ name: 'kubeflow', version }] }),
  );
  const values = preset('notebooks');
  // a vendor sets Kubeflow's values under the dependency's key and globals once at the top
  writeFileSync(join(vendor, 'values.yaml'), emitYaml({ global: { imageRegistry: 'registry.acme.test' }, kubeflow: values }));
  const valuesFile = join(dir, 'direct.yaml');
  writeFileSync(valuesFile, emitYaml({ ...values, global: { imageRegistry: 'registry.acme.test' } }));
  for (const helm of ['helm3', 'helm4'] as const) {
    const viaVendor = byKey(parseObjects(await helmTemplate(helm, vendor)));
    const direct = byKey(parseObjects(await helmTemplate(helm, UMBRELLA, ['-f', valuesFile])));
    expect([...viaVendor.keys()].sort()).toEqual([...direct.keys()].sort());
    for (const [k, o] of direct) expect(canonical(viaVendor.get(k)), `${helm} ${k}`).toBe(canonical(o));
    expect([...direct.values()].some((o) => JSON.stringify(o).includes('registry.acme.test/'))).toBe(true);
  }
});

it('enabling more components later changes no object of the components already installed', async () => {
  const before = preset('notebooks');
  const later = Object.fromEntries(Object.entries(before).map(([k, x]) => [k, { ...x, enabled: true }]));
  const dir = mkdtempSync(join(tmpdir(), 'kf-upgrade-'));
  writeFileSync(join(dir, 'before.yaml'), emitYaml(before));
  writeFileSync(join(dir, 'later.yaml'), emitYaml(later));
  const added = Object.entries(before)
    .filter(([, x]) => x.enabled === false)
    .map(([k]) => k);
  expect(added.length, 'the notebooks preset leaves some components out').toBeGreaterThan(0);
  const a = byKey(parseObjects(await helmTemplate('helm3', UMBRELLA, ['-f', join(dir, 'before.yaml'), '--set', 'releaseSizeLimitKiB=0'])));
  const b = byKey(parseObjects(await helmTemplate('helm3', UMBRELLA, ['-f', join(dir, 'later.yaml'), '--set', 'releaseSizeLimitKiB=0'])));
  expect(b.size).toBeGreaterThan(a.size);
  const changed = [...a].filter(([k, o]) => canonical(b.get(k)) !== canonical(o)).map(([k]) => k);
  expect(changed, `enabling ${added.join(', ')} changed objects`).toEqual([]);
});
