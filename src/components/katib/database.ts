import { k8s } from 'cdk8s-plus-33';
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { and, eq, items, nonEmpty, not, opt, pick, when } from '../../core/conditions.js';
import { hashedName } from '../../core/hash.js';
import { b64 } from '../../core/value-text.js';
import type { Katib } from './katib.js';

const component = (name: string) => ({ 'katib.kubeflow.org/component': name });
const noSidecar = { 'sidecar.istio.io/inject': 'false' };
export const MYSQL_SECRET = 'katib-mysql-secrets';
const POSTGRES = 'katib-postgres';
const EXTERNAL_KEYS = ['DB_PASSWORD', 'DB_USER', 'KATIB_MYSQL_DB_DATABASE', 'KATIB_MYSQL_DB_HOST', 'KATIB_MYSQL_DB_PORT'] as const;

/** kustomize writes `annotations: null` into the postgres pod template (an empty patch); upstream ships it so. */
function nullPodAnnotations<T extends ApiObject>(obj: T): T {
  const toJson = obj.toJson.bind(obj);
  obj.toJson = () => {
    const json = toJson();
    const tpl = json.spec.template;
    return { ...json, spec: { ...json.spec, template: { ...tpl, metadata: { annotations: null, ...tpl.metadata } } } };
  };
  return obj;
}

/** The bundled database (MySQL or PostgreSQL) with its Secret, PVC and Service, or the external database's Secret. */
export function database(scope: Construct, k: Katib): void {
  const db = k.v.database;
  when(scope, 'mysql', eq(db.type, 'mysql'), (s) => mysql(new Construct(s, 'mysql-db'), k));
  when(scope, 'postgres', eq(db.type, 'postgres'), (s) => postgres(new Construct(s, 'postgres-db'), k));
  when(scope, 'external', and(eq(db.type, 'external'), not(nonEmpty(db.external.existingSecret))), (s) => {
    new k8s.KubeSecret(s, 'external-secret', {
      metadata: { name: externalSecretName(k), namespace: k.v.namespace },
      data: externalData(k),
      type: 'Opaque',
    });
  });
}

function externalData(k: Katib): Record<string, string> {
  const e = k.v.database.external;
  const byKey: Record<(typeof EXTERNAL_KEYS)[number], string> = {
    DB_PASSWORD: e.password,
    DB_USER: e.user,
    KATIB_MYSQL_DB_DATABASE: e.database,
    KATIB_MYSQL_DB_HOST: e.host,
    KATIB_MYSQL_DB_PORT: e.port,
  };
  return Object.fromEntries(EXTERNAL_KEYS.map((key) => [key, b64(byKey[key])]));
}

/** kustomize's secretGenerator name for the external database's credentials (or the user's own Secret). */
const externalSecretName = (k: Katib): string =>
  pick(
    nonEmpty(k.v.database.external.existingSecret),
    k.v.database.external.existingSecret,
    hashedName(MYSQL_SECRET, 'Secret', externalData(k)),
  );

/** The DB manager's connection settings for the chosen database. */
export function dbManagerEnv(k: Katib): k8s.EnvVar[] {
  const db = k.v.database;
  const external = eq(db.type, 'external');
  const mysqlSecret = pick(nonEmpty(db.mysql.existingSecret), db.mysql.existingSecret, MYSQL_SECRET);
  const fromSecret = (name: string, key: string, secret: string) => ({ name, valueFrom: { secretKeyRef: { key, name: secret } } });
  const fromExternal = (key: string) => fromSecret(key, key, externalSecretName(k));
  return [
    { name: 'DB_NAME', value: pick(eq(db.type, 'postgres'), 'postgres', 'mysql') },
    ...items(external, [fromExternal('DB_USER')]),
    ...items(eq(db.type, 'mysql'), [fromSecret('DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', mysqlSecret)]),
    ...items(eq(db.type, 'postgres'), [{ name: 'DB_PASSWORD', value: db.postgres.password }]),
    ...items(external, ['DB_PASSWORD', 'KATIB_MYSQL_DB_DATABASE', 'KATIB_MYSQL_DB_HOST', 'KATIB_MYSQL_DB_PORT'].map(fromExternal)),
  ];
}

const restrictedContainer = (user: number, group?: number): k8s.SecurityContext => ({
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  ...(group !== undefined ? { runAsGroup: group } : {}),
  runAsNonRoot: true,
  runAsUser: user,
  seccompProfile: { type: 'RuntimeDefault' },
});
export { restrictedContainer };

/** The PVC of a bundled database (kept on uninstall by the chart). */
function claim(scope: Construct, name: string, ns: string, storage: k8s.Quantity, storageClassName: string): void {
  new k8s.KubePersistentVolumeClaim(scope, 'pvc', {
    metadata: { name, namespace: ns },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage } },
      storageClassName: opt(nonEmpty(storageClassName), storageClassName),
    },
  });
}

function service(scope: Construct, name: string, ns: string, port: number): void {
  const labels = component(name.replace('katib-', ''));
  new k8s.KubeService(scope, 'service', {
    metadata: { name, namespace: ns, labels },
    spec: { ports: [{ name: 'dbapi', port, protocol: 'TCP' }], selector: labels, type: 'ClusterIP' },
  });
}

function mysql(scope: Construct, k: Katib): void {
  const ns = k.v.namespace;
  const m = k.v.database.mysql;
  const name = 'katib-mysql';
  const labels = component('mysql');
  when(scope, 'secret', not(nonEmpty(m.existingSecret)), (s) => {
    new k8s.KubeSecret(s, 'secret', {
      metadata: { name: MYSQL_SECRET, namespace: ns },
      data: { MYSQL_ROOT_PASSWORD: b64(m.rootPassword) },
      type: 'Opaque',
    });
  });
  service(scope, name, ns, 3306);
  claim(scope, name, ns, m.storage, m.storageClassName);
  const secret = pick(nonEmpty(m.existingSecret), m.existingSecret, MYSQL_SECRET);
  const probe = {
    exec: { command: ['/bin/bash', '-c', "mysql -h 127.0.0.1 -D ${MYSQL_DATABASE} -u root -p${MYSQL_ROOT_PASSWORD} -e 'SELECT 1'"] },
    failureThreshold: 10,
    initialDelaySeconds: 10,
    periodSeconds: 5,
  };
  new k8s.KubeDeployment(scope, 'deployment', {
    metadata: { name, namespace: ns, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels: { ...labels, ...noSidecar } },
        spec: {
          containers: [
            {
              name,
              image: m.image.ref,
              imagePullPolicy: opt(nonEmpty(m.image.pullPolicy), m.image.pullPolicy),
              args: ['--datadir', '/var/lib/mysql/datadir'],
              env: [
                { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { key: 'MYSQL_ROOT_PASSWORD', name: secret } } },
                { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: 'true' },
                { name: 'MYSQL_DATABASE', value: 'katib' },
              ],
              livenessProbe: probe,
              ports: [{ containerPort: 3306, name: 'dbapi' }],
              readinessProbe: probe,
              resources: m.resources,
              securityContext: restrictedContainer(999, 999),
              volumeMounts: [{ mountPath: '/var/lib/mysql', name }],
            },
          ],
          securityContext: { fsGroup: 999, fsGroupChangePolicy: 'OnRootMismatch' },
          volumes: [{ name, persistentVolumeClaim: { claimName: name } }],
        },
      },
    },
  });
}

function postgres(scope: Construct, k: Katib): void {
  const ns = k.v.namespace;
  const p = k.v.database.postgres;
  const labels = component('postgres');
  new k8s.KubeSecret(scope, 'secret', {
    metadata: { name: `${POSTGRES}-secrets`, namespace: ns },
    data: { POSTGRES_DB: b64(p.database), POSTGRES_PASSWORD: b64(p.password), POSTGRES_USER: b64(p.user) },
    type: 'Opaque',
  });
  service(scope, POSTGRES, ns, 5432);
  claim(scope, POSTGRES, ns, p.storage, p.storageClassName);
  nullPodAnnotations(
    new k8s.KubeDeployment(scope, 'deployment', {
      metadata: { name: POSTGRES, namespace: ns, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels: { ...labels, ...noSidecar } },
          spec: {
            containers: [
              {
                name: POSTGRES,
                image: p.image.ref,
                imagePullPolicy: opt(nonEmpty(p.image.pullPolicy), p.image.pullPolicy),
                env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
                envFrom: [{ secretRef: { name: `${POSTGRES}-secrets` } }],
                ports: [{ containerPort: 5432, name: 'postgres', protocol: 'TCP' }],
                resources: p.resources,
                volumeMounts: [{ mountPath: '/var/lib/postgresql/data', name: POSTGRES }],
              },
            ],
            volumes: [{ name: POSTGRES, persistentVolumeClaim: { claimName: POSTGRES } }],
          },
        },
      },
    }),
  );
}
