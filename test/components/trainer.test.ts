import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainer } from '../../src/components/trainer/index.js';
import { defaultRuntimes, type RuntimeValue } from '../../src/components/trainer/values.js';
import { synthConcrete } from '../../src/core/synth.js';
import { normalizeHelm, parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets, DIST } from '../support/render.js';
import { helmTemplate } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-trainer-'));
const concrete = (values: unknown) =>
  synthConcrete(trainer, { values: values as never }).map((o) => JSON.parse(JSON.stringify(o.json)) as K8sObject);
async function helm(values: unknown) {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return parseObjects(await helmTemplate('helm3', join(DIST, 'helm', 'trainer'), ['-f', f])).map(normalizeHelm);
}
/** Both outputs for a values file, checked to agree; returns the concrete objects. */
async function both(values: unknown): Promise<K8sObject[]> {
  const [h, c] = [await helm(values), concrete(values)];
  expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
  return c;
}
const runtimes = (objs: K8sObject[]) => objs.filter((o) => o.kind === 'ClusterTrainingRuntime');
const runtime = (objs: K8sObject[], name: string) => runtimes(objs).find((o) => o.metadata.name === name);
const container = (job: K8sObject) => job.template.spec.template.spec.containers[0];

describe('cluster training runtimes as values', () => {
  it('a runtime added in a values file is rendered by the chart and by concrete synthesis', async () => {
    const added: RuntimeValue = {
      name: 'torch-gpu-4x2',
      framework: 'torch',
      image: 'registry.example.com/ml/torch:2.8',
      numNodes: 4,
      numProcPerNode: 2,
      resources: { limits: { 'nvidia.com/gpu': 2, memory: '64Gi' }, requests: { cpu: '8' } },
      initializers: { dataset: 'hf://example/data', model: 'hf://example/model' },
      command: ['torchrun', 'train.py'],
    };
    const objs = await both({ runtimes: { list: [...defaultRuntimes, added] } });
    expect(runtimes(objs)).toHaveLength(defaultRuntimes.length + 1);
    const r = runtime(objs, 'torch-gpu-4x2')!;
    expect(r.metadata).toEqual({
      name: 'torch-gpu-4x2',
      namespace: 'kubeflow-system',
      labels: { 'trainer.kubeflow.org/framework': 'torch' },
    });
    expect(r.spec.mlPolicy).toEqual({ numNodes: 4, torch: { numProcPerNode: 2 } });
    const jobs = r.spec.template.spec.replicatedJobs;
    expect(jobs.map((j: K8sObject) => j.name)).toEqual(['dataset-initializer', 'model-initializer', 'node']);
    expect(container(jobs[0]).env).toEqual([{ name: 'STORAGE_URI', value: 'hf://example/data' }]);
    expect(jobs[2].dependsOn).toEqual([
      { name: 'dataset-initializer', status: 'Complete' },
      { name: 'model-initializer', status: 'Complete' },
    ]);
    expect(container(jobs[2])).toEqual({
      name: 'node',
      image: 'registry.example.com/ml/torch:2.8',
      command: ['torchrun', 'train.py'],
      resources: added.resources,
      volumeMounts: [{ mountPath: '/workspace', name: 'initializer' }],
    });
    expect(jobs[2].template.spec.template.spec.volumes).toEqual([
      { name: 'initializer', persistentVolumeClaim: { claimName: 'torch-gpu-4x2' } },
    ]);
  });

  it('an MPI runtime gets a launcher and sshd nodes', async () => {
    const objs = await both({
      runtimes: { list: [{ name: 'ds', framework: 'deepspeed', image: 'ds:1', policy: 'mpi', numProcPerNode: 4, numNodes: 2 }] },
    });
    const r = runtime(objs, 'ds')!;
    expect(r.spec.mlPolicy).toEqual({
      numNodes: 2,
      mpi: { mpiImplementation: 'OpenMPI', numProcPerNode: 4, runLauncherAsNode: true, sshAuthMountPath: '/home/mpiuser/.ssh' },
    });
    expect(r.spec.template.spec.replicatedJobs.map((j: K8sObject) => j.name)).toEqual(['launcher', 'node']);
    expect(container(r.spec.template.spec.replicatedJobs[1]).command).toEqual(['/usr/sbin/sshd']);
    expect(r.spec.template.spec.successPolicy).toEqual({ operator: 'All', targetReplicatedJobs: ['launcher'] });
  });

  it('removing and re-imaging runtimes by values', async () => {
    const torch = defaultRuntimes.find((r) => r.name === 'torch-distributed')!;
    const objs = await both({ runtimes: { list: [{ ...torch, image: 'mirror.example.com/pytorch:2.7.1' }] } });
    expect(runtimes(objs).map((o) => o.metadata.name)).toEqual(['torch-distributed']);
    expect(container(runtime(objs, 'torch-distributed')!.spec.template.spec.replicatedJobs[0]).image).toBe(
      'mirror.example.com/pytorch:2.7.1',
    );
    expect(runtimes(await both({ runtimes: { list: [] } }))).toEqual([]);
  });

  it('JobSet values reach its Deployment', async () => {
    const objs = await both({ jobset: { replicas: 2, image: { tag: 'v0.10.2' }, resources: { limits: { memory: '2Gi' } } } });
    const d = objs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'jobset-controller-manager')!;
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.template.spec.containers[0].image).toBe('registry.k8s.io/jobset/jobset:v0.10.2');
    // maps merge over the defaults, as Helm merges values
    expect(d.spec.template.spec.containers[0].resources).toEqual({ limits: { memory: '2Gi' }, requests: { cpu: '500m', memory: '128Mi' } });
  });

  it('rejects a runtime without its processes per node, or with an unknown policy', () => {
    expect(() => concrete({ runtimes: { list: [{ name: 'x', framework: 'torch', image: 'x:1' }] } })).toThrow(/runtimes\.list\.0/);
    expect(() =>
      concrete({ runtimes: { list: [{ name: 'x', framework: 'torch', image: 'x:1', numProcPerNode: 1, policy: 'horovod' }] } }),
    ).toThrow(/runtimes\.list\.0\.policy/);
  });

  it('the JobSet spec schema is written once: JobSet and both runtime kinds embed the same one', () => {
    const crds = concrete({}).filter((o) => o.kind === 'CustomResourceDefinition');
    const schema = (name: string) => crds.find((o) => o.metadata.name === name)!.spec.versions[0].schema.openAPIV3Schema;
    const jobSet = schema('jobsets.jobset.x-k8s.io').properties.spec;
    for (const n of ['clustertrainingruntimes.trainer.kubeflow.org', 'trainingruntimes.trainer.kubeflow.org']) {
      expect(schema(n).properties.spec.properties.template.properties.spec).toEqual(jobSet);
    }
  });
});
