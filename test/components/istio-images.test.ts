import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthTree } from '../../src/cli/synth.js';
import { components } from '../../src/components/index.js';
import { istioCni } from '../../src/components/istio-cni/index.js';
import { istioInstall } from '../../src/components/istio-install/index.js';
import { writeTree } from '../../src/core/files.js';
import { synthConcreteWithValues } from '../../src/core/synth.js';
import { helmChartsOf, rehost } from '../../src/core/upstream.js';
import { installPlan } from '../../src/platform/index.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { helmComponent, renderAll, skipReason } from '../support/render.js';

/**
 * `global.imageRegistry` reaches Istio's images, which the wrapped charts take from their own `hub`
 * values: concrete synthesis, a platform definition (customized charts, Kustomize bases) and the install
 * plan carry it into the hubs; a chart given only `global.imageRegistry` fails, naming the hub to set.
 */
const REGISTRY = 'mirror.example:5000';
const skip = skipReason('istio-install');
const dir = mkdtempSync(join(tmpdir(), 'kf-istio-images-'));

/** Every image Istio's objects run or inject: container images, and the hub the injector fills sidecars and gateways from. */
function istioImages(objs: K8sObject[]): string[] {
  const pods = objs.filter((o) => ['Deployment', 'DaemonSet'].includes(o.kind)).map((o) => o.spec.template.spec);
  const containers = pods.flatMap((p) => [...(p.initContainers ?? []), ...p.containers]).map((c: { image: string }) => c.image);
  const injector = objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'istio-sidecar-injector');
  const hub = injector ? [`${JSON.parse(injector.data.values).global.hub}/proxyv2`] : [];
  return [...containers.filter((i) => i !== 'auto'), ...hub];
}

async function helmWith(name: string, h: 'helm3' | 'helm4', values: unknown) {
  const f = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, JSON.stringify(values));
  return helmComponent(name, h, ['-f', f]);
}

describe('global.imageRegistry and the Istio charts', () => {
  it('moves a hub under the registry, keeping its path', () => {
    expect(rehost('gcr.io/istio-release', REGISTRY)).toBe(`${REGISTRY}/istio-release`);
    expect(rehost('docker.io/istio', 'r.local')).toBe('r.local/istio');
    expect(rehost('localhost/istio', 'r.local')).toBe('r.local/istio');
    expect(rehost('istio', 'r.local')).toBe('r.local/istio');
    expect(rehost(`${REGISTRY}/mirror/istio`, REGISTRY)).toBe(`${REGISTRY}/mirror/istio`);
  });

  it('concrete synthesis hands the charts hubs under the registry (Kustomize valuesInline, cdk8s apps)', () => {
    const global = { imageRegistry: REGISTRY };
    const install = synthConcreteWithValues(istioInstall, { values: { global, ztunnel: { enabled: true } } });
    const charts = Object.fromEntries(helmChartsOf(istioInstall.info, install.values).map((c) => [c.name, c.valuesInline as any]));
    expect(charts.istiod.global.hub).toBe(`${REGISTRY}/istio-release`);
    expect(charts.ztunnel.global.hub).toBe(`${REGISTRY}/istio-release`);
    const cni = synthConcreteWithValues(istioCni, { values: { global } });
    expect((helmChartsOf(istioCni.info, cni.values)[0]!.valuesInline as any).global.hub).toBe(`${REGISTRY}/istio-release`);
    // a top-level global.hub replaces every chart's (Helm shares globals): it moves too
    const top = synthConcreteWithValues(istioInstall, { values: { global: { ...global, hub: 'docker.io/istio' } } as never });
    expect((top.values.global as { hub: string }).hub).toBe(`${REGISTRY}/istio`);
  });

  it.skipIf(!!skip)(
    'a platform definition with global.imageRegistry gives Istio images from that registry with Helm 3, Helm 4 and kustomize',
    async () => {
      for (const [name, preset] of [
        ['istio-install', 'ambient-oauth2-proxy'],
        ['istio-cni', undefined],
      ] as const) {
        const out = join(dir, `platform-${name}`);
        writeTree(out, synthTree({ values: { global: { imageRegistry: REGISTRY } }, component: name }));
        const r = await renderAll(name, preset, out);
        for (const [tool, objs] of Object.entries(r)) {
          const images = istioImages(objs);
          expect(images.length, `${name} ${tool}`).toBeGreaterThan(0);
          expect(
            images.filter((i) => !i.startsWith(`${REGISTRY}/istio-release/`)),
            `${name} ${tool}`,
          ).toEqual([]);
        }
      }
    },
  );

  it.skipIf(!!skip)("the install plan's values carry the registry into the hubs of the published charts (Helm 3 and 4)", async () => {
    const plan = installPlan(components, { global: { imageRegistry: REGISTRY } });
    for (const [release, chart, kind] of [
      ['istio', 'istio-install', 'Deployment'],
      ['istio-cni', 'istio-cni', 'DaemonSet'],
    ] as const) {
      const values = plan.releases.find((x) => x.name === release)!.values;
      for (const h of ['helm3', 'helm4'] as const) {
        const r = await helmWith(chart, h, values);
        expect(r.code, r.stderr).toBe(0);
        const images = istioImages(parseObjects(r.stdout));
        expect(
          images.some((i) => i.includes('/pilot:') || i.includes('/install-cni:')),
          `${release} ${kind}`,
        ).toBe(true);
        expect(images.filter((i) => !i.startsWith(`${REGISTRY}/istio-release/`))).toEqual([]);
      }
    }
  });

  it.skipIf(!!skip)('a chart given global.imageRegistry alone fails, naming the hub to set and its value', async () => {
    for (const h of ['helm3', 'helm4'] as const) {
      const install = await helmWith('istio-install', h, { global: { imageRegistry: REGISTRY } });
      expect(install.code).not.toBe(0);
      expect(install.stderr).toContain(`global.imageRegistry is ${REGISTRY}, but istiod.global.hub is gcr.io/istio-release`);
      expect(install.stderr).toContain(`set istiod.global.hub=${REGISTRY}/istio-release`);
      const top = await helmWith('istio-install', h, { global: { imageRegistry: REGISTRY, hub: 'docker.io/istio' } });
      expect(top.stderr).toContain(`set global.hub=${REGISTRY}/istio`);
      const cni = await helmWith('istio-cni', h, { global: { imageRegistry: REGISTRY } });
      expect(cni.code).not.toBe(0);
      expect(cni.stderr).toContain(`set cni.global.hub=${REGISTRY}/istio-release`);
      const fixed = await helmWith('istio-install', h, { global: { imageRegistry: REGISTRY, hub: `${REGISTRY}/istio-release` } });
      expect(fixed.code, fixed.stderr).toBe(0);
    }
  });
});
