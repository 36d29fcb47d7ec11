import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { kserve } from '../../src/components/kserve/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import { KubeflowPlatform } from '../../src/umbrella/platform.js';
import { normalizeHelm, parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets, DIST } from '../support/render.js';
import { helmTemplate } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-kserve-'));
const concrete = (values: unknown) =>
  synthConcrete(kserve, { values: values as never }).map((o) => JSON.parse(JSON.stringify(o.json)) as K8sObject);
async function helm(values: unknown) {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return parseObjects(await helmTemplate('helm3', join(DIST, 'helm', 'kserve'), ['-f', f])).map(normalizeHelm);
}
const config = (objs: K8sObject[], key: string) => JSON.parse(objs.find((o) => o.metadata.name === 'inferenceservice-config')!.data[key]);
const runtimes = (objs: K8sObject[]) => objs.filter((o) => o.kind === 'ClusterServingRuntime');

const onnxRuntime = {
  name: 'onnx-runtime',
  supportedModelFormats: [{ name: 'onnx', version: '1', autoSelect: true, priority: 2 }],
  protocolVersions: ['v2'],
  container: {
    image: 'registry.internal/onnx/server:1.2.3',
    args: ['--model_name={{.Name}}'],
    resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } },
  },
};

describe('kserve values', () => {
  it('a values file that adds a serving runtime and switches to raw deployment renders the same with Helm and concrete synthesis', async () => {
    const values = { deploymentMode: 'RawDeployment', extraRuntimes: [onnxRuntime] };
    const [h, c] = [await helm(values), concrete(values)];
    expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
    for (const objs of [h, c]) {
      expect(config(objs, 'deploy')).toEqual({ defaultDeploymentMode: 'RawDeployment' });
      expect(runtimes(objs)).toHaveLength(12);
      const added = runtimes(objs).find((o) => o.metadata.name === 'onnx-runtime')!;
      expect(added.spec).toEqual({
        containers: [{ name: 'kserve-container', ...onnxRuntime.container }],
        protocolVersions: ['v2'],
        supportedModelFormats: onnxRuntime.supportedModelFormats,
      });
    }
  });

  it('replacing the runtimes list changes an image and resources and drops the others', async () => {
    const sklearn = {
      name: 'kserve-sklearnserver',
      supportedModelFormats: [{ name: 'sklearn', version: '1' }],
      container: { image: 'kserve/sklearnserver:v0.16.1', resources: { limits: { cpu: '250m' } } },
      hostIPC: 'true',
    };
    const values = { runtimes: [sklearn], crds: { install: false } }; // CRDs left out: faster, and not what this checks
    const [h, c] = [await helm(values), concrete(values)];
    expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
    expect(runtimes(c).map((o) => o.metadata.name)).toEqual(['kserve-sklearnserver']);
    expect(runtimes(h)[0]!.spec.containers[0]).toEqual({
      name: 'kserve-container',
      image: 'kserve/sklearnserver:v0.16.1',
      resources: { limits: { cpu: '250m' } },
    });
    expect(runtimes(h)[0]!.spec.hostIPC).toBe(true);
  });

  it('config values land in their JSON entries, encoded so that no value breaks out of its string', async () => {
    // ingressDomain is a DNS subdomain now (the schema refuses quotes); domainTemplate stays free one-line text
    const template = '{{ .Name }}.evil.com", "urlScheme": "https';
    const values = {
      ingress: { domainTemplate: template, enableGatewayApi: true },
      storageInitializer: { memoryLimit: '2Gi' },
      batcher: { maxBatchSize: 64 },
      localModel: { enabled: true },
      crds: { install: false },
    };
    const [h, c] = [await helm(values), concrete(values)];
    expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
    for (const objs of [h, c]) {
      const ingress = config(objs, 'ingress');
      expect(ingress.domainTemplate).toBe(template);
      expect(ingress.urlScheme).toBe('http');
      expect(ingress.enableGatewayApi).toBe(true);
      expect(config(objs, 'storageInitializer').memoryLimit).toBe('2Gi');
      expect(config(objs, 'batcher').maxBatchSize).toBe('64');
      expect(config(objs, 'localModel').enabled).toBe(true);
    }
    expect(() => concrete({ ingress: { ingressDomain: 'evil.com", "urlScheme": "https' } })).toThrow(/ingress\.ingressDomain/);
  });

  it('rejects an unknown deployment mode and a runtime without an image', () => {
    expect(() => concrete({ deploymentMode: 'Knative' })).toThrow(/deploymentMode/);
    expect(() => concrete({ extraRuntimes: [{ name: 'x', supportedModelFormats: [], container: {} }] })).toThrow(
      /extraRuntimes\.0\.container/,
    );
  });
});

describe('platform preset serving-edge', () => {
  it('is KServe alone in raw deployment mode with small resources, the same from the umbrella chart and from KubeflowPlatform', async () => {
    const chart = join(DIST, 'helm', 'kubeflow');
    const h = parseObjects(await helmTemplate('helm3', chart, ['-f', join(chart, 'presets', 'serving-edge.yaml')])).map(normalizeHelm);
    const app = new App({ outdir: dir });
    new KubeflowPlatform(new Chart(app, 'platform', { disableResourceNameHashes: true }), 'kubeflow', { preset: 'serving-edge' });
    const c = parseObjects(app.synthYaml());
    expect(compareSets(h, c, ['helm', 'cdk8s']).join('\n')).toBe('');
    const own = new Set(concrete({}).map((o) => `${o.kind}/${o.metadata.name}`));
    expect(c.filter((o) => !own.has(`${o.kind}/${o.metadata.name}`)).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
    expect(config(c, 'deploy')).toEqual({ defaultDeploymentMode: 'RawDeployment' });
    expect(c.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name)).toEqual(['kserve-controller-manager']);
    const manager = c.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers[0];
    expect(manager.resources.requests).toEqual({ cpu: '50m', memory: '100Mi' });
    expect(runtimes(c).every((r) => r.spec.containers[0].resources.requests.cpu === '100m')).toBe(true);
  });
});

describe('the multi-node Hugging Face runtime', () => {
  // ray and python replaced by stubs that print how they were called: the scripts' steps, in order
  const bin = mkdtempSync(join(tmpdir(), 'kf-ray-'));
  for (const tool of ['ray', 'python']) writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*"\n`, { mode: 0o755 });
  const run = (script: string, env: Record<string, string>, args: string[] = []) =>
    execFileSync('bash', ['-c', script, ...args], { env: { PATH: `${bin}:/usr/bin:/bin`, ...env } })
      .toString()
      .trim()
      .split('\n');
  const multinode = runtimes(concrete({})).find((r) => r.metadata.name === 'kserve-huggingfaceserver-multinode')!;

  it('head: starts Ray, waits for the workers, serves across them with the runtime args', () => {
    const script = multinode.spec.containers[0].command[2] as string;
    const env = { POD_IP: '10.0.0.5', RAY_PORT: '6379', TENSOR_PARALLEL_SIZE: '2', PIPELINE_PARALLEL_SIZE: '3' };
    expect(run(script, { ...env, MODEL_ID: 'org/model' }, ['--model_name=m', '--x=1'])).toEqual([
      'ray start --head --port=6379 --disable-usage-stats --include-dashboard false',
      'python ./huggingfaceserver/health_check.py registered_nodes --retries 200 --probe_name runtime_start',
      'python -m huggingfaceserver --model_dir=org/model --tensor-parallel-size=2 --pipeline-parallel-size=3 --model_name=m --x=1',
    ]);
    // a model directory (storage initializer) wins over a model id; neither: no --model_dir
    expect(run(script, { ...env, MODEL_ID: 'org/model', MODEL_DIR: '/mnt/models' }, ['--model_name=m']).at(-1)).toContain(
      '--model_dir=/mnt/models ',
    );
    expect(run(script, env, ['--model_name=m']).at(-1)).not.toContain('--model_dir');
  });

  it('worker: waits until the head answers, then joins it through its Service', () => {
    const script = multinode.spec.workerSpec.containers[0].command[2] as string;
    // the health check fails twice before the head answers; sleep is a stub too
    const slow = mkdtempSync(join(tmpdir(), 'kf-ray-slow-'));
    const ray = `#!/bin/sh\nif [ "$1" = health-check ]; then n=$(cat ${slow}/n 2>/dev/null || echo 0); echo $((n+1)) > ${slow}/n; [ "$n" -ge 2 ] || exit 1; fi\necho "ray $*"\n`;
    writeFileSync(join(slow, 'ray'), ray, { mode: 0o755 });
    writeFileSync(join(slow, 'sleep'), '#!/bin/sh\n', { mode: 0o755 });
    const out = execFileSync('bash', ['-c', script], {
      env: { PATH: `${slow}:/usr/bin:/bin`, HEAD_SVC: 'llm-head', POD_NAMESPACE: 'ns1' },
    });
    const lines = out.toString().trim().split('\n');
    expect(lines.filter((l) => l.startsWith('Ray head llm-head.ns1.svc.cluster.local:6379 not ready'))).toHaveLength(2);
    expect(lines.at(-1)).toBe('ray start --address=llm-head.ns1.svc.cluster.local:6379 --block');
  });
});
