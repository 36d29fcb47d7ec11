import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { istioCrds } from '../../src/components/istio-crds/index.js';
import { synthConcreteWithValues } from '../../src/core/synth.js';
import { helmChartsOf } from '../../src/core/upstream.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { helmComponent, kustomizeDir, skipReason } from '../support/render.js';
import { kustomizeBuild, tools } from '../support/tools.js';

/**
 * Istio's CRDs survive `helm uninstall` (the project's rule for CRDs): the base chart cannot annotate
 * them, so the chart renders them from the base chart's own template and adds helm.sh/resource-policy: keep.
 */
const skip = skipReason('istio-crds');
const dir = mkdtempSync(join(tmpdir(), 'kf-istio-crds-'));
const names = (objs: K8sObject[]) => objs.map((o) => `${o.kind}/${o.metadata.name}`).sort();

async function helm(h: 'helm3' | 'helm4', values: unknown = {}): Promise<K8sObject[]> {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, JSON.stringify(values));
  const r = await helmComponent('istio-crds', h, ['-f', f]);
  expect(r.code, r.stderr).toBe(0);
  return parseObjects(r.stdout);
}

describe('istio-crds', () => {
  it('inflates the base chart with the CRDs on for Kustomize; its own rendering is off in the Helm chart', () => {
    const c = synthConcreteWithValues(istioCrds);
    expect((c.values.base as { global: { resourceScope: string } }).global.resourceScope).toBe('none');
    const [base] = helmChartsOf(istioCrds.info, c.values);
    expect((base!.valuesInline as { global: { resourceScope: string } }).global.resourceScope).toBe('cluster');
  });

  it.skipIf(!!skip)('Helm 3 and 4 render every Istio CRD with helm.sh/resource-policy: keep, the same set kustomize renders', async () => {
    const kustomize = parseObjects(
      await kustomizeBuild(join(await kustomizeDir('istio-crds'), 'base'), ['--enable-helm', '--helm-command', tools.helm3]),
    );
    expect(kustomize.length).toBe(14);
    expect(kustomize.every((o) => o.kind === 'CustomResourceDefinition')).toBe(true);
    for (const h of ['helm3', 'helm4'] as const) {
      const objs = await helm(h);
      expect(names(objs)).toEqual(names(kustomize));
      expect(objs.filter((o) => o.metadata.annotations?.['helm.sh/resource-policy'] !== 'keep').map((o) => o.metadata.name)).toEqual([]);
      // the base chart's own labels, as kustomize renders them
      const ref = kustomize.find((o) => o.metadata.name === objs[0]!.metadata.name)!;
      expect(objs[0]!.metadata.labels).toEqual(ref.metadata.labels);
    }
  });

  it.skipIf(!!skip)('honours excludedCRDs in both outputs', async () => {
    const excluded = ['wasmplugins.extensions.istio.io', 'envoyfilters.networking.istio.io'];
    const values = { base: { base: { excludedCRDs: excluded } } };
    const c = synthConcreteWithValues(istioCrds, { values });
    expect((helmChartsOf(istioCrds.info, c.values)[0]!.valuesInline as any).base.excludedCRDs).toEqual(excluded);
    for (const h of ['helm3', 'helm4'] as const) {
      const objs = await helm(h, values);
      expect(objs).toHaveLength(12);
      expect(objs.map((o) => o.metadata.name)).not.toContain(excluded[0]);
    }
  });
});
