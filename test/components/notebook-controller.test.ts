import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { notebookController } from '../../src/components/notebook-controller/index.js';
import { writeTree } from '../../src/core/files.js';
import { synthComponent, synthConcrete } from '../../src/core/synth.js';
import { normalizeHelm, parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets } from '../support/render.js';
import { helmTemplate } from '../support/tools.js';

/** Culling and Istio settings are typed values that reach the controller's environment through its ConfigMap. */
const dir = mkdtempSync(join(tmpdir(), 'kf-nbc-'));
const chart = join(dir, 'chart');
const values = {
  culling: { enabled: true, idleTime: 60, checkPeriod: 5 },
  istio: { gateway: 'istio-ingress/main-gateway', host: 'notebooks.example.com' },
  clusterDomain: 'corp.internal',
};

/** The controller's environment, with configMapKeyRef entries resolved against the rendered ConfigMaps. */
function controllerEnv(objs: K8sObject[]): Record<string, string> {
  const dep = objs.find((o) => o.kind === 'Deployment')!;
  const manager = dep.spec.template.spec.containers.find((c: K8sObject) => c.name === 'manager');
  return Object.fromEntries(
    manager.env.map((e: K8sObject) => {
      const ref = e.valueFrom?.configMapKeyRef;
      if (!ref) return [e.name, e.value];
      const cm = objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === ref.name);
      if (!cm) throw new Error(`env ${e.name} reads the missing ConfigMap ${ref.name}`);
      return [e.name, cm.data[ref.key]];
    }),
  );
}

describe('notebook-controller settings', () => {
  let helm: K8sObject[];
  beforeAll(async () => {
    writeTree(chart, synthComponent(notebookController).helm);
    const f = join(dir, 'values.yaml');
    writeFileSync(f, stringify(values));
    helm = parseObjects(await helmTemplate('helm3', chart, ['-f', f])).map(normalizeHelm);
  });

  it('culling, Istio and cluster domain values show up in the controller env (Helm and cdk8s alike)', () => {
    const concrete = synthConcrete(notebookController, { values }).map((o) => o.json as K8sObject);
    expect(compareSets(concrete, helm, ['cdk8s', 'helm3']).join('\n')).toBe('');
    expect(controllerEnv(helm)).toEqual({
      USE_ISTIO: 'true',
      ISTIO_GATEWAY: 'istio-ingress/main-gateway',
      ISTIO_HOST: 'notebooks.example.com',
      CLUSTER_DOMAIN: 'corp.internal',
      ENABLE_CULLING: 'true',
      CULL_IDLE_TIME: '60',
      IDLENESS_CHECK_PERIOD: '5',
    });
  });

  it('renames the ConfigMap when a setting changes, so the controller restarts with it', () => {
    const name = (objs: K8sObject[]) => objs.find((o) => o.kind === 'ConfigMap')!.metadata.name as string;
    const defaults = synthConcrete(notebookController).map((o) => o.json as K8sObject);
    expect(name(defaults)).toMatch(/^notebook-controller-config-[a-z0-9]{10}$/);
    expect(name(helm)).toMatch(/^notebook-controller-config-[a-z0-9]{10}$/);
    expect(name(helm)).not.toBe(name(defaults));
  });

  it('leader election and replicas: flag and field appear only when set', () => {
    const dep = (objs: K8sObject[]) => objs.find((o) => o.kind === 'Deployment')!;
    const plain = dep(synthConcrete(notebookController).map((o) => o.json as K8sObject));
    expect(plain.spec.replicas).toBeUndefined();
    expect(plain.spec.template.spec.containers[0].args).toBeUndefined();
    const ha = dep(synthConcrete(notebookController, { values: { replicas: 2, leaderElection: true } }).map((o) => o.json as K8sObject));
    expect(ha.spec.replicas).toBe(2);
    expect(ha.spec.template.spec.containers[0].args).toEqual(['--enable-leader-election']);
  });
});
