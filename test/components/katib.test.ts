import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { katib } from '../../src/components/katib/index.js';
import { defaultSuggestions } from '../../src/components/katib/values.js';
import { synthConcrete } from '../../src/core/synth.js';
import { normalizeHelm, parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets, DIST } from '../support/render.js';
import { helmTemplate } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-katib-'));
const concrete = (values: unknown, preset?: string) =>
  synthConcrete(katib, { values: values as never, preset }).map((o) => JSON.parse(JSON.stringify(o.json)) as K8sObject);
async function helm(values: unknown) {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return parseObjects(await helmTemplate('helm3', join(DIST, 'helm', 'katib'), ['-f', f])).map(normalizeHelm);
}
async function both(values: unknown): Promise<K8sObject[]> {
  const [h, c] = [await helm(values), concrete(values)];
  expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
  return c;
}
const find = (objs: K8sObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const config = (objs: K8sObject[]) => parseYaml(find(objs, 'ConfigMap', 'katib-config')!.data['katib-config.yaml']);
const templates = (objs: K8sObject[]) =>
  Object.fromEntries(Object.entries<string>(find(objs, 'ConfigMap', 'trial-templates')!.data).map(([k, x]) => [k, parseYaml(x)]));

describe('katib values', () => {
  it('default trial resources set in a values file reach every trial template in both outputs', async () => {
    const resources = { limits: { cpu: '2', memory: '4Gi' }, requests: { cpu: '1', memory: '2Gi' } };
    const t = templates(await both({ trialTemplates: { resources } }));
    expect(t['defaultTrialTemplate.yaml'].spec.template.spec.containers[0].resources).toEqual(resources);
    expect(t.enasCPUTemplate.spec.template.spec.containers[0].resources).toEqual(resources);
    for (const role of ['Master', 'Worker']) {
      expect(t.pytorchJobTemplate.spec.pytorchReplicaSpecs[role].template.spec.containers[0].resources).toEqual(resources);
    }
    // without the value the templates carry no resources, as upstream's
    expect(templates(concrete({}))['defaultTrialTemplate.yaml'].spec.template.spec.containers[0].resources).toBeUndefined();
  });

  it('suggestion algorithms, collectors and trial kinds are typed values of katib-config', async () => {
    const suggestions = [
      ...defaultSuggestions.filter((s) => !['enas', 'random'].includes(s.algorithmName)),
      { algorithmName: 'random', image: 'mirror.example.com/hyperopt:1', resources: { limits: { cpu: '1' } } },
    ];
    const c = config(
      await both({ config: { suggestions, trialResources: ['Job.v1.batch'] }, controller: { leaderElection: true, replicas: 2 } }),
    );
    expect(c.runtime.suggestions).toEqual(suggestions);
    expect(c.init.controller).toEqual({ webhookPort: 8443, enableLeaderElection: true, trialResources: ['Job.v1.batch'] });
  });

  it('text in a value cannot add keys to the config file', async () => {
    // an image is an image reference: the schema (and synthesis) refuse anything else
    const image = 'evil:1\n  resources: {limits: {cpu: "64"}}\nkind: Other';
    const f = join(dir, 'bad-image.yaml');
    writeFileSync(f, JSON.stringify({ config: { earlyStoppings: [{ algorithmName: 'medianstop', image }] } }));
    await expect(helmTemplate('helm3', join(DIST, 'helm', 'katib'), ['-f', f])).rejects.toThrow(/config\.earlyStoppings\.0\.image/);
    // free text the schema admits (a PVC spec is passed on as given) stays inside its value
    const storageClassName = 'evil\n  resources: {limits: {cpu: "64"}}\nkind: Other';
    const pbt = { ...defaultSuggestions.find((s) => s.algorithmName === 'pbt')!, persistentVolumeClaimSpec: { storageClassName } };
    const suggestions = [...defaultSuggestions.filter((s) => s.algorithmName !== 'pbt'), pbt];
    const c = config(await both({ config: { suggestions } }));
    expect(c.kind).toBe('KatibConfig');
    expect(c.runtime.suggestions.find((s: { algorithmName: string }) => s.algorithmName === 'pbt')).toEqual(pbt);
  });

  it('resources of the controller, UI and DB manager', async () => {
    const r = { limits: { memory: '1Gi' }, requests: { cpu: '100m' } };
    const objs = await both({ controller: { resources: r }, ui: { resources: r }, dbManager: { resources: r } });
    for (const n of ['katib-controller', 'katib-ui', 'katib-db-manager'])
      expect(find(objs, 'Deployment', n)!.spec.template.spec.containers[0].resources).toEqual(r);
  });

  it('an external database from an existing Secret: no bundled database, no generated Secret', async () => {
    const objs = await both({ database: { type: 'external', external: { existingSecret: 'my-db' } } });
    expect(objs.filter((o) => ['katib-mysql', 'katib-postgres'].includes(o.metadata.name))).toEqual([]);
    expect(objs.filter((o) => o.kind === 'Secret' && o.metadata.name.startsWith('katib-mysql-secrets'))).toEqual([]);
    const env = find(objs, 'Deployment', 'katib-db-manager')!.spec.template.spec.containers[0].env;
    expect(env.filter((e: K8sObject) => e.valueFrom).map((e: K8sObject) => e.valueFrom.secretKeyRef.name)).toEqual(Array(5).fill('my-db'));
  });

  it('the bundled databases keep their PVC on uninstall', async () => {
    for (const [type, name] of [
      ['mysql', 'katib-mysql'],
      ['postgres', 'katib-postgres'],
    ]) {
      const f = join(dir, `${type}.yaml`);
      writeFileSync(f, JSON.stringify({ database: { type } }));
      const pvc = parseObjects(await helmTemplate('helm3', join(DIST, 'helm', 'katib'), ['-f', f])).find(
        (o) => o.kind === 'PersistentVolumeClaim',
      )!;
      expect(pvc.metadata.name).toBe(name);
      expect(pvc.metadata.annotations['helm.sh/resource-policy']).toBe('keep');
    }
  });

  it('rejects an unknown database type and a malformed trial kind', () => {
    expect(() => concrete({ database: { type: 'sqlite' } })).toThrow(/database\.type/);
    expect(() => concrete({ config: { trialResources: ['job'] } })).toThrow(/config\.trialResources\.0/);
  });
});
