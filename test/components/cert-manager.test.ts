import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { certManager } from '../../src/components/cert-manager/index.js';
import { readTree } from '../../src/core/files.js';
import { synthConcreteWithValues } from '../../src/core/synth.js';
import { helmChartsOf } from '../../src/core/upstream.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { DIST, helmChartDir, helmTemplateArgs, skipReason } from '../support/render.js';
import { exec, mustExec, tools } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-cm-'));
const valuesFile = (values: unknown) => {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return f;
};
const skip = skipReason('cert-manager');
const helm = (h: 'helm3' | 'helm4', values: unknown) => {
  const { release, args } = helmTemplateArgs('cert-manager');
  return exec(tools[h], ['template', release, helmChartDir('cert-manager'), ...args, '-f', valuesFile(values)]);
};

describe('cert-manager wraps the upstream chart', () => {
  it('refers to the chart by repository, name and version; no upstream file is in dist/', () => {
    const tree = readTree(join(DIST, 'helm', 'cert-manager'));
    expect(parse(tree.get('Chart.yaml')!).dependencies).toEqual([
      { name: 'cert-manager', version: 'v1.19.4', repository: 'https://charts.jetstack.io', alias: 'cert-manager' },
    ]);
    expect([...tree.keys()].filter((k) => k.startsWith('charts/') || /crd-|webhook-deployment/.test(k))).toEqual([]);
    const k = parse(readTree(join(DIST, 'kustomize', 'cert-manager')).get('base/kustomization.yaml')!);
    expect(k.helmCharts[0]).toMatchObject({ name: 'cert-manager', repo: 'https://charts.jetstack.io', version: 'v1.19.4', releaseName: 'cert-manager', namespace: 'cert-manager' });
    expect(tree.get('README.md')).toMatch(/helm dependency build/);
    expect(tree.get('README.md')).toMatch(/kubectl apply -k` cannot inflate/);
  });

  it('passes untyped values of the upstream chart through to it, in both outputs', async () => {
    const values = { 'cert-manager': { webhook: { timeoutSeconds: 17 }, replicaCount: 2 } };
    const concrete = synthConcreteWithValues(certManager, { values: values as never });
    const inline = helmChartsOf(certManager.info, concrete.values)[0]!.valuesInline as Record<string, any>;
    expect(inline.webhook).toMatchObject({ timeoutSeconds: 17, securePort: 10250 });
    expect(inline.replicaCount).toBe(2);
    if (skip) return console.log(skip);
    const r = await helm('helm3', values);
    expect(r.code, r.stderr).toBe(0);
    const objs = parseObjects(r.stdout);
    const hook = objs.find((o: K8sObject) => o.kind === 'ValidatingWebhookConfiguration')!;
    expect(hook.webhooks[0].timeoutSeconds).toBe(17);
    expect(objs.find((o: K8sObject) => o.kind === 'Deployment' && o.metadata.name === 'cert-manager')!.spec.replicas).toBe(2);
  });

  it('moves the NetworkPolicy with the webhook port', () => {
    const objs = synthConcreteWithValues(certManager, { values: { 'cert-manager': { webhook: { securePort: 10260 } } } as never }).objects.map((o) => o.json as K8sObject);
    const np = objs.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'cert-manager-webhook')!;
    expect(np.spec.ingress[0].ports[0].port).toBe(10260);
  });

  it.skipIf(!!skip)('rejects bad values passed through, naming them (the upstream chart\'s schema)', async () => {
    for (const h of ['helm3', 'helm4'] as const) {
      const typo = await helm(h, { 'cert-manager': { webhook: { timeoutSecondz: 3 } } });
      expect(typo.code).not.toBe(0);
      expect(typo.stderr).toMatch(/timeoutSecondz/);
      const type = await helm(h, { 'cert-manager': { webhook: { timeoutSeconds: 'soon' } } });
      expect(type.code).not.toBe(0);
      expect(type.stderr).toMatch(/timeoutSeconds/);
      const typed = await helm(h, { 'cert-manager': { replicaCount: -1 } });
      expect(typed.code).not.toBe(0);
      expect(typed.stderr).toMatch(/replicaCount/);
    }
  });

  it.skipIf(!!skip)('renders the same with a values file through Helm and through kustomize helmCharts', async () => {
    const values = { 'cert-manager': { webhook: { timeoutSeconds: 17 } }, global: { commonLabels: { team: 'ml' } } };
    const concrete = synthConcreteWithValues(certManager, { values: values as never });
    const inline = helmChartsOf(certManager.info, concrete.values)[0]!.valuesInline as Record<string, any>;
    const upstream = parseObjects(await mustExec(tools.helm3, ['template', 'cert-manager', join(helmChartDir('cert-manager'), 'charts', 'cert-manager-v1.19.4.tgz'), '-n', 'cert-manager', '-f', valuesFile(inline)]));
    const r = await helm('helm4', values);
    const ours = parseObjects(r.stdout);
    for (const o of upstream) {
      const same = ours.find((x) => x.kind === o.kind && x.metadata.name === o.metadata.name && x.metadata.namespace === o.metadata.namespace);
      expect(same, `${o.kind}/${o.metadata.name}`).toEqual(o);
      expect(o.metadata.labels?.team, `${o.kind}/${o.metadata.name} has global.commonLabels`).toBe('ml');
    }
  });
});
