import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelRegistry } from '../../src/components/model-registry/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import { canonical, keyOf, parseObjects, type K8sObject } from '../support/objects.js';
import { DIST } from '../support/render.js';
import { exec, helmTemplate, tools } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-model-registry-'));
const chart = join(DIST, 'helm', 'model-registry');
const valuesFile = (values: unknown) => {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, JSON.stringify(values));
  return f;
};
const concrete = (values: unknown, preset?: string) =>
  synthConcrete(modelRegistry, { values: values as never, preset }).map((o) => o.json as K8sObject);
const helm = async (values: unknown, helmVersion: 'helm3' | 'helm4' = 'helm3') =>
  parseObjects(await helmTemplate(helmVersion, chart, ['-f', valuesFile(values)]));
const find = (objs: K8sObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const server = (objs: K8sObject[]) => find(objs, 'Deployment', 'model-registry-deployment')!.spec.template.spec.containers[0];
const sameSet = (a: K8sObject[], b: K8sObject[]) =>
  expect(new Map(a.map((o) => [keyOf(o), canonical(o)]))).toEqual(new Map(b.map((o) => [keyOf(o), canonical(o)])));

/** Objects only a bundled database brings. */
const bundledKinds = (objs: K8sObject[]) =>
  objs.filter(
    (o) =>
      (o.kind === 'Deployment' && o.metadata.name === 'model-registry-db') ||
      (o.kind === 'Service' && o.metadata.name === 'model-registry-db') ||
      o.kind === 'PersistentVolumeClaim',
  );

describe('model-registry database choice', () => {
  const external = {
    database: { type: 'postgres', bundled: false, host: 'pg.data.svc', port: 6432, name: 'registry', existingSecret: 'registry-db' },
  };

  it('an external database with existingSecret leaves no bundled database object and no own Secret', async () => {
    for (const objs of [concrete(external), await helm(external), await helm(external, 'helm4')]) {
      expect(bundledKinds(objs).map(keyOf)).toEqual([]);
      expect(find(objs, 'Secret', 'model-registry-db-secrets')).toBeUndefined();
      // the server reads the user's Secret and reaches the external host and port
      const c = server(objs);
      expect(c.envFrom).toContainEqual({ secretRef: { name: 'registry-db' } });
      expect(find(objs, 'ConfigMap', 'model-registry-db-parameters')!.data).toEqual({
        POSTGRES_DB: 'registry',
        POSTGRES_HOST: 'pg.data.svc',
        POSTGRES_PORT: '6432',
      });
      expect(c.args).toContain('--embedmd-database-type=postgres');
      expect(
        find(objs, 'Deployment', 'model-registry-deployment')!.spec.template.metadata.annotations[
          'traffic.sidecar.istio.io/excludeOutboundPorts'
        ],
      ).toBe('6432');
    }
    sameSet(await helm(external), concrete(external));
  });

  it("an external MySQL puts its host into the DSN and uses the engine's port unless one is set", async () => {
    const values = { database: { bundled: false, host: 'mysql.example.internal', existingSecret: 'mr-mysql' } };
    const objs = await helm(values);
    sameSet(objs, concrete(values));
    expect(bundledKinds(objs)).toEqual([]);
    expect(server(objs).args.find((a: string) => a.startsWith('--embedmd-database-dsn='))).toBe(
      '--embedmd-database-dsn=$(MYSQL_USER_NAME):$(MYSQL_ROOT_PASSWORD)@tcp(mysql.example.internal:$(MYSQL_PORT))/$(MYSQL_DATABASE)?charset=utf8mb4',
    );
    expect(find(objs, 'ConfigMap', 'model-registry-db-parameters')!.data.MYSQL_PORT).toBe('3306');
    expect(server(objs).envFrom).toContainEqual({ secretRef: { name: 'mr-mysql' } });
  });

  it('the bundled MySQL (default) and PostgreSQL each bring their own Deployment, Service and kept claim', async () => {
    for (const [type, claim, port] of [
      ['mysql', 'metadata-mysql', 3306],
      ['postgres', 'metadata-postgres', 5432],
    ] as const) {
      const values = { database: { type, password: 'not-the-example', storage: { size: '20Gi', storageClassName: 'fast' } } };
      const objs = await helm(values);
      sameSet(objs.map(dropKeep), concrete(values));
      const pvc = find(objs, 'PersistentVolumeClaim', claim)!;
      expect(pvc.metadata.annotations['helm.sh/resource-policy']).toBe('keep');
      expect(pvc.spec).toMatchObject({ storageClassName: 'fast', resources: { requests: { storage: '20Gi' } } });
      expect(find(objs, 'Service', 'model-registry-db')!.spec.ports[0].port).toBe(port);
      const db = find(objs, 'Deployment', 'model-registry-db')!.spec.template.spec.containers[0];
      expect(db.envFrom).toContainEqual({ secretRef: { name: 'model-registry-db-secrets' } });
      const secret = find(objs, 'Secret', 'model-registry-db-secrets')!;
      expect(Object.values(secret.data).map((x) => Buffer.from(String(x), 'base64').toString())).toContain('not-the-example');
      // only the chosen engine's objects
      expect(objs.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata.name)).toEqual([claim]);
    }
  });

  it('a bundled database with existingSecret reads it in the database and the server, and creates no Secret', async () => {
    const values = { database: { existingSecret: 'my-db-credentials' } };
    const objs = await helm(values);
    sameSet(objs.map(dropKeep), concrete(values));
    expect(find(objs, 'Secret', 'model-registry-db-secrets')).toBeUndefined();
    expect(find(objs, 'Deployment', 'model-registry-db')!.spec.template.spec.containers[0].envFrom).toContainEqual({
      secretRef: { name: 'my-db-credentials' },
    });
    expect(server(objs).envFrom).toContainEqual({ secretRef: { name: 'my-db-credentials' } });
  });

  it('generateSecret (Helm only, needs the cluster) is refused by helm template and by Kustomize/cdk8s synthesis, naming the value', async () => {
    expect(() => concrete({ database: { generateSecret: true } })).toThrow(/model-registry: database\.generateSecret/);
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[h], ['template', 'x', chart, '--set', 'database.generateSecret=true']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/model-registry: database\.generateSecret is true, but the cluster cannot be read[\s\S]*existingSecret/);
    }
    // the generated Secret is kept on uninstall
    const tpl = readFileSync(join(chart, 'templates', 'postgres', 'postgres-generated-secret', 'postgres-generated-secrets.yaml'), 'utf8');
    expect(tpl).toContain('helm.sh/resource-policy: keep');
  });

  it('the example password is reported while in use; global.requireSecureCredentials fails on it; the secure preset uses a Secret', async () => {
    const strict = await exec(tools.helm3, ['template', 'x', chart, '--set', 'global.requireSecureCredentials=true']);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain('database.password');
    const secure = ['-f', join(chart, 'presets', 'secure.yaml'), '--set', 'global.requireSecureCredentials=true'];
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[h], ['template', 'x', chart, ...secure]);
      expect(r.code, r.stderr).toBe(0);
      const objs = parseObjects(r.stdout);
      expect(find(objs, 'Secret', 'model-registry-db-secrets')).toBeUndefined();
      expect(server(objs).envFrom).toContainEqual({ secretRef: { name: 'model-registry-db-credentials' } });
    }
  });

  it('rejects an unknown engine and a negative port in both outputs', async () => {
    expect(() => concrete({ database: { type: 'sqlite' } })).toThrow(/model-registry.*database\.type/s);
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[h], ['template', 'x', chart, '--set', 'database.port=-1']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/database\.port|port/);
    }
  });
});

describe('model-registry layers and namespaces', () => {
  it("the default runs the platform's layers in kubeflow: server + MySQL, Kubeflow UI, Istio route, storage initializer", () => {
    const objs = concrete({});
    const kinds = new Set(objs.map((o) => `${o.kind}/${o.metadata.name}`));
    for (const k of [
      'Deployment/model-registry-deployment',
      'Deployment/model-registry-db',
      'Deployment/model-registry-ui',
      'VirtualService/model-registry',
      'ClusterStorageContainer/model-registry-storage-initializer',
    ])
      expect(kinds).toContain(k);
    expect(kinds).not.toContain('Deployment/controller-controller-manager');
    expect(server(objs).args).toContain('--datastore-type=$(MODEL_REGISTRY_DATA_STORE_TYPE)');
    for (const o of objs.filter((x) => !x.kind.startsWith('Cluster'))) expect(o.metadata.namespace, keyOf(o)).toBe('kubeflow');
  });

  it('an empty namespace leaves metadata.namespace and subject namespaces out, the server address keeps kubeflow', async () => {
    const objs = await helm({ namespace: '' });
    sameSet(objs.map(dropKeep), concrete({ namespace: '' }));
    for (const o of objs) expect(o.metadata.namespace, keyOf(o)).toBeUndefined();
    const binding = find(objs, 'ClusterRoleBinding', 'model-registry-create-sars-binding')!;
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'model-registry-ui' }]);
    expect(find(objs, 'VirtualService', 'model-registry')!.spec.http[0].route[0].destination.host).toBe(
      'model-registry-service.kubeflow.svc.cluster.local',
    );
    const moved = await helm({ namespace: 'registry' });
    expect(find(moved, 'DestinationRule', 'model-registry-service')!.spec.host).toBe('model-registry-service.registry.svc.cluster.local');
  });

  it('the standalone UI writes the user into the proxy configuration; text that could break out of it is rejected', async () => {
    const objs = await helm({ ui: { mode: 'standalone', standalone: { user: 'alice@acme.io' } } });
    const conf = find(objs, 'ConfigMap', 'auth-proxy-config')!.data['nginx.conf'] as string;
    expect(conf).toContain('proxy_set_header kubeflow-userid "alice@acme.io";');
    expect(conf).not.toContain('user@example.com');
    expect(find(objs, 'ClusterRoleBinding', 'service-access-cluster-binding')!.subjects[0].name).toBe('alice@acme.io');
    const bad = 'x"; } location /admin { return 200 "';
    expect(() => concrete({ ui: { mode: 'standalone', standalone: { user: bad } } })).toThrow(/ui\.standalone\.user/);
    const r = await exec(tools.helm3, ['template', 'x', chart, '-f', valuesFile({ ui: { standalone: { user: bad } } })]);
    expect(r.code).not.toBe(0);
  });
});

const dropKeep = (o: K8sObject): K8sObject => {
  const c = structuredClone(o);
  delete c.metadata?.annotations?.['helm.sh/resource-policy'];
  if (c.metadata?.annotations && !Object.keys(c.metadata.annotations).length) delete c.metadata.annotations;
  return c;
};
