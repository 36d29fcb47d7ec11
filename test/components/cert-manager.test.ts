import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { certManager } from '../../src/components/cert-manager/index.js';
import { readTree, writeTree } from '../../src/core/files.js';
import { kustomizeOverlay } from '../../src/core/kustomize/writer.js';
import { synthConcreteWithValues } from '../../src/core/synth.js';
import { helmChartsOf, kustomizeNamespace } from '../../src/core/upstream.js';
import { normalizeHelm, parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets, DIST, helmChartDir, helmComponent, inReleaseNamespace, kustomizeDir, skipReason } from '../support/render.js';
import { kustomizeBuild, mustExec, tools } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-cm-'));
const valuesFile = (values: unknown) => {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return f;
};
const skip = skipReason('cert-manager');
const helm = (h: 'helm3' | 'helm4', values: unknown) => {
  return helmComponent('cert-manager', h, ['-f', valuesFile(values)]);
};

describe('cert-manager wraps the upstream chart', () => {
  it('refers to the chart by repository, name and version; no upstream file is in dist/', () => {
    const tree = readTree(join(DIST, 'helm', 'cert-manager'));
    expect(parse(tree.get('Chart.yaml')!).dependencies).toEqual([
      {
        name: 'cert-manager',
        version: 'v1.19.4',
        repository: 'https://charts.jetstack.io',
        alias: 'cert-manager',
        condition: 'cert-manager.enabled',
      },
    ]);
    expect([...tree.keys()].filter((k) => k.startsWith('charts/') || /crd-|webhook-deployment/.test(k))).toEqual([]);
    const k = parse(readTree(join(DIST, 'kustomize', 'cert-manager')).get('base/kustomization.yaml')!);
    expect(k.helmCharts[0]).toMatchObject({
      name: 'cert-manager',
      repo: 'https://charts.jetstack.io',
      version: 'v1.19.4',
      releaseName: 'cert-manager',
      namespace: 'cert-manager',
    });
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
    const objs = synthConcreteWithValues(certManager, {
      values: { 'cert-manager': { webhook: { securePort: 10260 } } } as never,
    }).objects.map((o) => o.json as K8sObject);
    const np = objs.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'cert-manager-webhook')!;
    expect(np.spec.ingress[0].ports[0].port).toBe(10260);
  });

  it.skipIf(!!skip)("rejects bad values passed through, naming them (the upstream chart's schema)", async () => {
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
    const upstream = parseObjects(
      await mustExec(tools.helm3, [
        'template',
        'cert-manager',
        join(helmChartDir('cert-manager'), 'charts', 'cert-manager-v1.19.4.tgz'),
        '-n',
        'cert-manager',
        '-f',
        valuesFile(inline),
      ]),
    );
    const r = await helm('helm4', values);
    const ours = parseObjects(r.stdout);
    for (const o of upstream) {
      const same = ours.find(
        (x) => x.kind === o.kind && x.metadata.name === o.metadata.name && x.metadata.namespace === o.metadata.namespace,
      );
      expect(same, `${o.kind}/${o.metadata.name}`).toEqual(o);
      expect(o.metadata.labels?.team, `${o.kind}/${o.metadata.name} has global.commonLabels`).toBe('ml');
    }
  });

  describe("the dependency condition switches the upstream chart off (the install plan's follow-up release)", () => {
    const follow = certManager.info.followUpRelease!;
    const upstreamKinds = (objs: K8sObject[]) =>
      objs.filter((o) => o.kind === 'Deployment' || o.kind === 'CustomResourceDefinition' || o.kind === 'ValidatingWebhookConfiguration');
    const keys = (objs: K8sObject[]) => objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort();
    /** What a preset overlay with these values would be: the chart's own objects patched, helmCharts from the values. */
    const overlay = async (name: string, values: Record<string, unknown>) => {
      const base = synthConcreteWithValues(certManager);
      const variant = synthConcreteWithValues(certManager, { values: values as never });
      const root = await kustomizeDir('cert-manager');
      writeTree(
        join(root, 'overlays', name),
        kustomizeOverlay(base.objects, variant.objects, '../../base/objects', {
          ...kustomizeNamespace(certManager.info),
          helmCharts: helmChartsOf(certManager.info, variant.values),
        }),
      );
      cpSync(join(root, 'base', 'charts'), join(root, 'overlays', name, 'charts'), { recursive: true });
      return parseObjects(await kustomizeBuild(join(root, 'overlays', name), ['--enable-helm', '--helm-command', tools.helm3])).map(
        normalizeHelm,
      );
    };

    it('has no helmCharts entry in kustomize when off, one when on', () => {
      const off = synthConcreteWithValues(certManager, { values: follow.values as never });
      expect(helmChartsOf(certManager.info, off.values)).toEqual([]);
      expect(helmChartsOf(certManager.info, synthConcreteWithValues(certManager).values)).toHaveLength(1);
      // the follow-up release still renders the ClusterIssuer, from the chart's own objects
      expect(off.objects.map((o) => (o.json as K8sObject).kind)).toContain('ClusterIssuer');
    });

    it.skipIf(!!skip)(
      'renders only the Kubeflow-owned objects with the upstream chart off, in Helm 3, Helm 4 and kustomize alike',
      async () => {
        const concrete = synthConcreteWithValues(certManager, { values: follow.values as never }).objects.map((o) => o.json as K8sObject);
        const ns = certManager.info.release!.namespace;
        for (const h of ['helm3', 'helm4'] as const) {
          const off = await helm(h, follow.values);
          expect(off.code, off.stderr).toBe(0);
          const objs = parseObjects(off.stdout)
            .map(normalizeHelm)
            .map((o) => inReleaseNamespace(o, ns));
          expect(upstreamKinds(objs), h).toEqual([]);
          expect(compareSets(concrete, objs, ['concrete', h]).join('\n')).toBe('');
          // the same chart with the condition on renders the upstream chart's workloads and CRDs
          const on = await helm(h, { ...follow.values, 'cert-manager': { enabled: true } });
          expect(upstreamKinds(parseObjects(on.stdout)).length, h).toBeGreaterThan(3);
        }
        const kOff = await overlay('upstream-off', follow.values);
        expect(upstreamKinds(kOff)).toEqual([]);
        expect(compareSets(concrete, kOff, ['concrete', 'kustomize']).join('\n')).toBe('');
        const kOn = await overlay('upstream-on', { ...follow.values, 'cert-manager': { enabled: true } });
        expect(keys(upstreamKinds(kOn))).toEqual(
          keys(upstreamKinds(parseObjects((await helm('helm3', { ...follow.values, 'cert-manager': { enabled: true } })).stdout))),
        );
      },
    );
  });
});
