import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pipelines } from '../../src/components/pipelines/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import { canonical, normalizeHelm, parseObjects, type K8sObject } from '../support/objects.js';
import { DIST } from '../support/render.js';
import { exec, helmTemplate, tools } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-pipelines-'));
const CHART = join(DIST, 'helm', 'pipelines');
const concrete = (props: { preset?: string; values?: unknown }) =>
  synthConcrete(pipelines, { preset: props.preset, values: props.values as never }).map((o) => o.json as K8sObject);
const helmRaw = async (args: string[]) => parseObjects(await helmTemplate('helm3', CHART, args));
const helm = async (args: string[]) => (await helmRaw(args)).map(normalizeHelm);
const find = (objs: K8sObject[], kind: string, name: string) => {
  const o = objs.find((x) => x.kind === kind && (x.metadata.name === name || new RegExp(`^${name}-[a-z0-9]{10}$`).test(x.metadata.name)));
  if (!o) throw new Error(`no ${kind}/${name}`);
  return o;
};
const container = (objs: K8sObject[], name: string) => find(objs, 'Deployment', name).spec.template.spec.containers[0];
const env = (c: { env?: { name: string }[] }, name: string) => c.env?.find((e) => e.name === name) as Record<string, any> | undefined;

const EXTERNAL_S3 = {
  host: 's3.eu-central-1.amazonaws.com',
  port: 443,
  endpoint: 's3.eu-central-1.amazonaws.com:443',
  bucket: 'kubeflow-pipelines-artifacts',
};
const S3_SECRET = { name: 'kfp-object-store', access: 'AWS_ACCESS_KEY_ID', secret: 'AWS_SECRET_ACCESS_KEY' };
const DB_SECRET = { name: 'kfp-database', user: 'user', password: 'password' };

describe('pipelines external-storage preset: external database and S3, nothing bundled', () => {
  const rendered = async () => {
    const h = await helm(['-f', join(CHART, 'presets', 'external-storage.yaml')]);
    const c = concrete({ preset: 'external-storage' });
    return { h, c };
  };

  it('renders no bundled MySQL or SeaweedFS object, and no Secret of the chart for either', async () => {
    const { h, c } = await rendered();
    expect(new Set(h.map(canonical))).toEqual(new Set(c.map(canonical)));
    const names = h.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names.filter((n) => /mysql|seaweedfs|postgres/.test(n))).toEqual([]);
    expect(names).not.toContain('Secret/mlpipeline-minio-artifact');
    expect(names).not.toContain('Secret/mysql-secret');
    // nothing in the namespace addresses the bundled servers any more
    const text = JSON.stringify(h);
    expect(text).not.toMatch(/seaweedfs|mysql-secret|mysql-pv-claim/);
    // the default still has them (the test above can fail)
    const d = (await helm([])).map((o) => `${o.kind}/${o.metadata.name}`);
    expect(d).toEqual(
      expect.arrayContaining([
        'Deployment/mysql',
        'Deployment/seaweedfs',
        'Secret/mlpipeline-minio-artifact',
        'PersistentVolumeClaim/seaweedfs-pvc',
      ]),
    );
  });

  it('every object store consumer points at the external endpoint and the existing Secret', async () => {
    const { h } = await rendered();
    const s3ref = (key: string) => ({ secretKeyRef: { key, name: S3_SECRET.name } });
    // API server
    const api = container(h, 'ml-pipeline');
    expect(env(api, 'OBJECTSTORECONFIG_HOST')?.value).toBe(EXTERNAL_S3.host);
    expect(env(api, 'OBJECTSTORECONFIG_PORT')?.value).toBe('443');
    expect(env(api, 'OBJECTSTORECONFIG_SECURE')?.value).toBe('true');
    expect(env(api, 'OBJECTSTORECONFIG_REGION')?.value).toBe('eu-central-1');
    expect(env(api, 'OBJECTSTORECONFIG_ACCESSKEY')?.valueFrom).toEqual(s3ref(S3_SECRET.access));
    expect(env(api, 'OBJECTSTORECONFIG_SECRETACCESSKEY')?.valueFrom).toEqual(s3ref(S3_SECRET.secret));
    expect(find(h, 'ConfigMap', 'pipeline-install-config').data.bucketName).toBe(EXTERNAL_S3.bucket);
    // Argo's artifact repository
    const repo = parse(find(h, 'ConfigMap', 'workflow-controller-configmap').data.artifactRepository);
    expect(repo.s3).toMatchObject({
      endpoint: EXTERNAL_S3.endpoint,
      bucket: EXTERNAL_S3.bucket,
      insecure: false,
      region: 'eu-central-1',
      accessKeySecret: { name: S3_SECRET.name, key: S3_SECRET.access },
      secretKeySecret: { name: S3_SECRET.name, key: S3_SECRET.secret },
    });
    // UI
    const ui = container(h, 'ml-pipeline-ui');
    expect(env(ui, 'MINIO_HOST')?.value).toBe(EXTERNAL_S3.host);
    expect(env(ui, 'MINIO_SSL')?.value).toBe('true');
    expect(env(ui, 'MINIO_ACCESS_KEY')?.valueFrom).toEqual(s3ref(S3_SECRET.access));
    expect(env(ui, 'AWS_SECRET_ACCESS_KEY')?.valueFrom).toEqual(s3ref(S3_SECRET.secret));
    // launcher config of the Pipelines namespace
    const providers = parse(find(h, 'ConfigMap', 'kfp-launcher').data.providers);
    expect(providers.s3.default).toMatchObject({
      endpoint: EXTERNAL_S3.endpoint,
      disableSSL: false,
      region: 'eu-central-1',
      forcePathStyle: true,
      credentials: {
        fromEnv: false,
        secretRef: { secretName: S3_SECRET.name, accessKeyKey: S3_SECRET.access, secretKeyKey: S3_SECRET.secret },
      },
    });
    // per-profile objects (the hook's template) and the keys the hook copies into each profile
    const children = JSON.parse(find(h, 'ConfigMap', 'kubeflow-pipelines-profile-controller-code').data['children.json']);
    const byName = (n: string) => children.find((o: K8sObject) => o.metadata.name === n);
    expect(JSON.parse(byName('artifact-repositories').data['default-namespaced']).s3).toMatchObject({
      endpoint: EXTERNAL_S3.endpoint,
      bucket: EXTERNAL_S3.bucket,
      insecure: false,
    });
    expect(byName('kfp-launcher').data.defaultPipelineRoot).toMatch(/^s3:\/\/kubeflow-pipelines-artifacts\/private-artifacts\//);
    expect(parse(byName('kfp-launcher').data.providers).s3.default.endpoint).toBe(EXTERNAL_S3.endpoint);
    const hook = container(h, 'kubeflow-pipelines-profile-controller');
    expect(env(hook, 'AWS_ACCESS_KEY_ID')?.valueFrom).toEqual(s3ref(S3_SECRET.access));
    expect(env(hook, 'AWS_ENDPOINT_URL')?.value).toBe(`https://${EXTERNAL_S3.endpoint}`);
  });

  it('every database consumer points at the external host and the existing Secret', async () => {
    const { h } = await rendered();
    const dbref = (key: string) => ({ secretKeyRef: { key, name: DB_SECRET.name } });
    const config = find(h, 'ConfigMap', 'pipeline-install-config').data;
    expect(config).toMatchObject({
      dbHost: 'mysql.databases.svc.cluster.local',
      dbPort: '3306',
      mysqlHost: 'mysql.databases.svc.cluster.local',
    });
    for (const [workload, vars] of [
      ['ml-pipeline', ['DBCONFIG_USER', 'DBCONFIG_MYSQLCONFIG_USER']],
      ['cache-server', ['DBCONFIG_USER']],
      ['metadata-grpc-deployment', ['DBCONFIG_USER']],
    ] as const) {
      for (const name of vars) expect(env(container(h, workload), name)?.valueFrom, `${workload} ${name}`).toEqual(dbref(DB_SECRET.user));
    }
    expect(env(container(h, 'ml-pipeline'), 'DBCONFIG_PASSWORD')?.valueFrom).toEqual(dbref(DB_SECRET.password));
    expect(env(container(h, 'cache-server'), 'DBCONFIG_PASSWORD')?.valueFrom).toEqual(dbref(DB_SECRET.password));
  });
});

describe('pipelines credentials', () => {
  it('generate is Helm-only: random keys kept via lookup and resource-policy keep; helm template and Kustomize synthesis refuse it, naming the value', async () => {
    const generated = [
      { value: 'database.generate', dir: 'generated-database-credentials', keys: [['password', 24]] },
      {
        value: 'objectStore.generate',
        dir: 'generated-object-store-credentials',
        keys: [
          ['accesskey', 20],
          ['secretkey', 20],
        ],
      },
    ] as const;
    for (const g of generated) {
      const [group] = g.value.split('.');
      // concrete synthesis cannot read the cluster: it throws, naming component and value
      expect(() => concrete({ values: { [group!]: { generate: true } } })).toThrow(new RegExp(`pipelines: ${g.value.replace('.', '\\.')}`));
      // helm template cannot read the cluster either: it fails asking for existingSecret instead of a new random value per render
      for (const h of ['helm3', 'helm4'] as const) {
        const r = await exec(tools[h], ['template', 'kfp', CHART, '--set', `${g.value}=true`]);
        expect(r.code, `${h} ${g.value}`).not.toBe(0);
        expect(r.stderr).toMatch(
          new RegExp(`pipelines: ${g.value.replace('.', '\\.')} is true, but the cluster cannot be read[\\s\\S]*existingSecret`),
        );
      }
      // with existingSecret, generate is moot: the chart renders and creates no Secret of its own
      const own = await helmRaw(['--set', `${g.value}=true`, '--set', `${group}.existingSecret=mine`]);
      expect(own.filter((o) => o.kind === 'Secret' && o.metadata.annotations?.['helm.sh/resource-policy'] === 'keep')).toEqual([]);
      // the templates generate each key once (lookup of the live Secret) and keep the Secret on uninstall
      const dirPath = join(CHART, 'templates', g.dir);
      const files = readdirSync(dirPath, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.yaml'));
      expect(files.length, g.dir).toBeGreaterThan(0);
      for (const f of files) {
        const tpl = readFileSync(join(dirPath, f), 'utf8');
        expect(tpl, f).toContain('helm.sh/resource-policy: keep');
        for (const [key, length] of g.keys) {
          expect(tpl, f).toMatch(
            new RegExp(
              `include "kubeflow-cdk8s.generatedSecret" \\(dict [^\\n]*"key" "${key}" "length" ${length} "value" "pipelines: ${g.value}"`,
            ),
          );
        }
      }
    }
  });

  it("the defaults are upstream's example credentials, and NOTES.txt says so", async () => {
    const c = concrete({});
    expect(find(c, 'Secret', 'mlpipeline-minio-artifact').stringData).toEqual({ accesskey: 'minio', secretkey: 'minio123' });
    for (const f of ['templates/NOTES.txt', 'README.md'])
      expect(readFileSync(join(CHART, f), 'utf8'), f).toMatch(/well-known example credentials/);
  });

  it('bundled PVCs are kept on uninstall; a bucket name that is not a bucket name fails', async () => {
    const h = await helmRaw(['-f', join(CHART, 'presets', 'standalone-postgresql.yaml')]);
    for (const pvc of h.filter((o) => o.kind === 'PersistentVolumeClaim'))
      expect(pvc.metadata.annotations?.['helm.sh/resource-policy'], pvc.metadata.name).toBe('keep');
    expect(
      h
        .filter((o) => o.kind === 'PersistentVolumeClaim')
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(['metadata-postgres', 'postgres-pvc', 'seaweedfs-pvc']);
    const bad = await exec(tools.helm3, ['template', 'kfp', CHART, '--set', 'objectStore.bucket=Bad Bucket']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/objectStore\.bucket|bucket/);
  });
});

/** A free TCP port on loopback. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

describe('pipelines per-profile hook', () => {
  const hookDir = (values: unknown = {}) => {
    const code = find(concrete({ values }), 'ConfigMap', 'kubeflow-pipelines-profile-controller-code').data;
    const d = mkdtempSync(join(dir, 'hook-'));
    for (const [k, x] of Object.entries(code)) writeFileSync(join(d, k), x as string);
    return d;
  };
  const request = (namespace: string, enabled = true, attachments: Record<string, unknown> = {}) => ({
    controller: {},
    object: {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace, labels: enabled ? { 'pipelines.kubeflow.org/enabled': 'true' } : {} },
    },
    attachments: { 'Secret.v1': {}, 'ConfigMap.v1': {}, 'Deployment.apps/v1': {}, 'Service.v1': {}, ...attachments },
  });

  it('answers a sync request on loopback with the typed children for the namespace and the credentials Secret', async () => {
    const d = hookDir({ artifactsProxy: true });
    const port = await freePort();
    const proc = spawn('timeout', ['30', 'python3', join(d, 'sync.py')], {
      env: { ...process.env, CONTROLLER_PORT: String(port), AWS_ACCESS_KEY_ID: 'AKIA-test', AWS_SECRET_ACCESS_KEY: 's3cret' },
      stdio: 'ignore',
    });
    try {
      const post = async (body: unknown) => {
        for (let i = 0; i < 50; i++) {
          try {
            const r = await fetch(`http://127.0.0.1:${port}/sync`, {
              method: 'POST',
              body: JSON.stringify(body),
              headers: { 'content-type': 'application/json' },
            });
            return (await r.json()) as { status: Record<string, string>; attachments: K8sObject[] };
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        throw new Error('hook did not answer');
      };
      const res = await post(request('team-a'));
      const kinds = res.attachments.map((o) => `${o.kind}/${o.metadata.name}`).sort();
      expect(kinds).toEqual([
        'ConfigMap/artifact-repositories',
        'ConfigMap/kfp-launcher',
        'ConfigMap/metadata-grpc-configmap',
        'Deployment/ml-pipeline-ui-artifact',
        'Secret/mlpipeline-minio-artifact',
        'Service/ml-pipeline-ui-artifact',
      ]);
      for (const o of res.attachments) expect(o.metadata.namespace).toBe('team-a');
      expect(JSON.stringify(res)).not.toContain('__PROFILE_NAMESPACE__');
      const launcher = res.attachments.find((o) => o.metadata.name === 'kfp-launcher')!;
      expect(launcher.data.defaultPipelineRoot).toBe('minio://mlpipeline/private-artifacts/team-a/v2/artifacts');
      const secret = res.attachments.find((o) => o.kind === 'Secret')!;
      expect(Buffer.from(secret.data.accesskey, 'base64').toString()).toBe('AKIA-test');
      expect(res.status['kubeflow-pipelines-ready']).toBe('False');
      // an existing Secret is kept; a namespace without the label gets nothing
      const kept = await post(
        request('team-a', true, {
          'Secret.v1': { 'team-a/mlpipeline-minio-artifact': { data: { accesskey: 'a2VwdA==', secretkey: 'eA==' } } },
        }),
      );
      expect(kept.attachments.find((o) => o.kind === 'Secret')!.data.accesskey).toBe('a2VwdA==');
      expect(await post(request('other', false))).toEqual({ status: {}, attachments: [] });
    } finally {
      proc.kill();
    }
  }, 40_000);

  it('answers one request from a file (--sync) and rejects a namespace that is not a DNS label', async () => {
    const d = hookDir();
    const run = async (req: unknown) => {
      const f = join(d, `req-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(f, JSON.stringify(req));
      const r = await exec('timeout', ['20', 'python3', join(d, 'sync.py'), '--sync', f]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { attachments: K8sObject[] };
    };
    expect((await run(request('team-b'))).attachments.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'ConfigMap', 'ConfigMap', 'Secret']);
    expect((await run(request('bad"name'))).attachments).toEqual([]);
  }, 30_000);
});

describe('pipelines in the platform', () => {
  it('enabling Pipelines later (helm upgrade --reuse-values --set pipelines.enabled=true) adds its objects and changes no other', async () => {
    const umbrella = join(DIST, 'helm', 'kubeflow');
    const render = async (enabled: boolean) =>
      new Set((await helmTemplate('helm3', umbrella, ['--set', `pipelines.enabled=${enabled}`]).then(parseObjects)).map(canonical));
    const [without, withPipelines] = await Promise.all([render(false), render(true)]);
    const changed = [...without].filter((o) => !withPipelines.has(o));
    expect(changed.map((o) => JSON.parse(o).metadata?.name)).toEqual([]);
    const added = [...withPipelines].filter((o) => !without.has(o)).map((o) => JSON.parse(o) as K8sObject);
    expect(added.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      expect.arrayContaining([
        'Deployment/ml-pipeline',
        'Deployment/workflow-controller',
        'CustomResourceDefinition/workflows.argoproj.io',
      ]),
    );
    expect(added.length).toBe(133);
  }, 120_000);
});
