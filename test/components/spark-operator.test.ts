import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sparkOperator } from '../../src/components/spark-operator/index.js';
import { synthConcreteWithValues } from '../../src/core/synth.js';
import { helmChartsOf } from '../../src/core/upstream.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { helmComponent, skipReason } from '../support/render.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-spark-'));
const skip = skipReason('spark-operator');
const helm = (h: 'helm3' | 'helm4', values: unknown) => {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return helmComponent('spark-operator', h, ['-f', f]);
};
const args = (objs: K8sObject[], name: string) =>
  objs.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!.spec.template.spec.containers[0].args as string[];

describe('spark-operator', () => {
  const values = {
    'spark-operator': { spark: { jobNamespaces: ['team-a', 'team-b'] }, controller: { workers: 4 } },
    aggregatedRoles: { enabled: false },
  };

  it('hands typed and passed-through values to the chart (kustomize valuesInline) and drops the aggregated roles', () => {
    const c = synthConcreteWithValues(sparkOperator, { values: values as never });
    const inline = helmChartsOf(sparkOperator.info, c.values)[0]!;
    expect(inline).toMatchObject({ includeCRDs: true, releaseName: 'spark-operator', namespace: 'kubeflow' });
    expect((inline.valuesInline as any).spark.jobNamespaces).toEqual(['team-a', 'team-b']);
    expect((inline.valuesInline as any).controller.workers).toBe(4);
    expect(c.objects.filter((o) => o.json.kind === 'ClusterRole')).toEqual([]);
  });

  it.skipIf(!!skip)('renders them with Helm 3 and 4; bad values fail naming the value', async () => {
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await helm(h, values);
      expect(r.code, r.stderr).toBe(0);
      const objs = parseObjects(r.stdout);
      expect(args(objs, 'spark-operator-controller')).toContain('--namespaces=team-a,team-b');
      expect(args(objs, 'spark-operator-controller')).toContain('--controller-threads=4');
      expect(objs.some((o) => o.metadata.name === 'kubeflow-spark-edit')).toBe(false);
      const bad = await helm(h, { 'spark-operator': { webhook: { port: 'https' } } });
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/port/);
    }
  });
});
