import { describe, expect, it } from 'vitest';
import { components } from '../../src/components/index.js';
import { istioCni } from '../../src/components/istio-cni/index.js';
import { synthConcreteWithValues } from '../../src/core/synth.js';
import { helmChartsOf } from '../../src/core/upstream.js';
import { installPlan } from '../../src/platform/index.js';
import { referenceParts, renderAll, skipReason } from '../support/render.js';

const skip = skipReason('istio-cni');

describe('istio-cni', () => {
  it('inflates the cni chart as the release istio-cni in kube-system, with the typed values', () => {
    const c = synthConcreteWithValues(istioCni, { preset: 'gke' });
    const [chart, ...rest] = helmChartsOf(istioCni.info, c.values);
    expect(rest).toEqual([]);
    expect(chart).toMatchObject({ name: 'cni', releaseName: 'istio-cni', namespace: 'kube-system' });
    expect((chart!.valuesInline as { cniBinDir: string }).cniBinDir).toBe('/home/kubernetes/bin');
  });

  it("is a part of upstream's istio-install entry: istio-install's parity renders it with the matching preset", () => {
    expect(referenceParts('istio-install')).toEqual([{ name: 'istio-cni', preset: undefined }]);
    expect(referenceParts('istio-install', 'ambient-oauth2-proxy')).toEqual([{ name: 'istio-cni', preset: 'ambient' }]);
    expect(referenceParts('istio-install', 'insecure')).toEqual([{ name: 'istio-cni', preset: 'insecure' }]);
    expect(referenceParts('istio-cni')).toEqual([]);
  });

  it('is required by istio-install while sidecars rely on it, and installs between istio-base and istio', () => {
    const names = installPlan(components).releases.map((r) => r.name);
    expect(names.indexOf('istio-base')).toBeLessThan(names.indexOf('istio-cni'));
    expect(names.indexOf('istio-cni')).toBeLessThan(names.indexOf('istio'));
    const istio = installPlan(components).releases.find((r) => r.name === 'istio')!;
    expect(istio.needs).toEqual(expect.arrayContaining(['istio-base', 'istio-cni']));
    expect(() => installPlan(components, { 'istio-cni': { enabled: false } })).toThrow(
      /istio-install \(with istiod\.cni\.enabled=true\) requires istio-cni/,
    );
    const withoutCni = installPlan(components, {
      'istio-cni': { enabled: false },
      'istio-install': { istiod: { cni: { enabled: false } } },
    });
    expect(withoutCni.releases.map((r) => r.name)).not.toContain('istio-cni');
  });

  it.skipIf(!!skip)('puts every namespaced object in kube-system in both outputs; the insecure preset keeps only the RBAC', async () => {
    const r = await renderAll('istio-cni');
    for (const objs of [r.helm3, r.helm4, r.kustomize]) {
      const namespaced = objs.filter((o) => o.metadata.namespace !== undefined);
      expect(namespaced.map((o) => `${o.kind}/${o.metadata.namespace}`).sort()).toEqual([
        'ConfigMap/kube-system',
        'DaemonSet/kube-system',
        'ServiceAccount/kube-system',
      ]);
    }
    const insecure = await renderAll('istio-cni', 'insecure');
    expect(insecure.kustomize.map((o) => o.kind).sort()).toEqual([
      'ClusterRole',
      'ClusterRole',
      'ClusterRoleBinding',
      'ClusterRoleBinding',
    ]);
  });
});
