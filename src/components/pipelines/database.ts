import type { Construct } from 'constructs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { and, nonEmpty, not, opt, when } from '../../core/conditions.js';
import { b64, generatedSecretData } from '../../core/value-text.js';
import { APP, obj, scheduled, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';

const KEEP = { 'helm.sh/resource-policy': 'keep' };

/** The database: its credentials (unless `existingSecret`), and the bundled MySQL or PostgreSQL server. */
export function database(c: Pipelines, s: Construct = c): void {
  const d = c.v.database;
  const own = not(nonEmpty(d.existingSecret));
  when(s, 'database-credentials', and(own, not(d.generate)), (w) => credentials(c, w, false));
  when(s, 'generated-database-credentials', and(own, d.generate), (w) => credentials(c, w, true));
  when(s, 'bundled-mysql', and(d.bundled, c.db.mysql), (w) => mysql(c, w));
  when(s, 'bundled-postgresql', and(d.bundled, c.db.postgresql), (w) => postgresql(c, w));
}

/**
 * The Secret the workloads read the database user from (`mysql-secret`, or `postgres-secret-extended`).
 * The defaults are upstream's well-known example credentials; `generate` makes a random password once
 * (Helm lookup) and keeps it.
 */
function credentials(c: Pipelines, s: Construct, generate: boolean): void {
  const v = c.v;
  const d = v.database;
  const ns = v.namespace;
  const metadata = (name: string, labels: Record<string, string>) => ({
    labels,
    name,
    namespace: ns,
    ...(generate ? { annotations: KEEP } : {}),
  });
  const secret = (scope: Construct, id: string, name: string, labels: Record<string, string>) =>
    obj<ISecret>(scope, id, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadata(name, labels),
      ...(generate
        ? {
            data: {
              password: generatedSecretData({
                component: 'pipelines',
                valuePath: 'database.generate',
                namespace: ns,
                secretName: name,
                key: 'password',
                length: 24,
                symbolic: c.symbolic,
              }),
              username: b64(d.username),
            },
          }
        : { stringData: { password: d.password, username: d.username } }),
    });
  when(s, 'mysql', c.db.mysql, (w) => {
    secret(w, 'secret-mysql-secret', 'mysql-secret', { ...c.labels });
  });
  when(s, 'postgresql', c.db.postgresql, (w) => {
    secret(w, 'secret-postgres-secret-extended', 'postgres-secret-extended', { ...APP });
  });
}

/** The bundled MySQL 8 (upstream's manifests: one replica on a kept PVC). */
function mysql(c: Pipelines, s: Construct): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-mysql', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...APP }, name: 'mysql', namespace: ns },
  });
  obj<IService>(s, 'service-mysql', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { ...APP }, name: 'mysql', namespace: ns },
    spec: {
      ports: [{ port: 3306, protocol: 'TCP', targetPort: 3306 }],
      selector: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' },
    },
  });
  obj<IPersistentVolumeClaim>(s, 'persistentvolumeclaim-mysql-pv-claim', {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { labels: { ...APP }, name: 'mysql-pv-claim', namespace: ns },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: v.database.persistence.size } },
      storageClassName: opt(nonEmpty(v.database.persistence.storageClass), v.database.persistence.storageClass),
    },
  });
  obj<IDeployment>(s, 'deployment-mysql', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' }, name: 'mysql', namespace: ns },
    spec: {
      selector: { matchLabels: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' } },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' } },
        spec: {
          containers: [
            {
              args: [
                '--datadir',
                '/var/lib/mysql',
                '--authentication-policy=mysql_native_password',
                '--mysql-native-password=ON',
                '--disable-log-bin',
              ],
              env: [{ name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: 'true' }],
              image: v.images.mysql.ref,
              name: 'mysql',
              ports: [{ containerPort: 3306, name: 'mysql' }],
              resources: v.mysql.resources,
              securityContext: restricted(999, 999),
              volumeMounts: [{ mountPath: '/var/lib/mysql', name: 'mysql-persistent-storage' }],
            },
          ],
          securityContext: {
            fsGroup: 999,
            fsGroupChangePolicy: 'OnRootMismatch',
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          ...scheduled(v.mysql),
          serviceAccountName: 'mysql',
          volumes: [{ name: 'mysql-persistent-storage', persistentVolumeClaim: { claimName: 'mysql-pv-claim' } }],
        },
      },
    },
  });
}

/** The bundled PostgreSQL (upstream's platform-agnostic-postgresql: one replica on a kept PVC). */
function postgresql(c: Pipelines, s: Construct): void {
  const v = c.v;
  const ns = v.namespace;
  const d = v.database;
  const labels = { app: 'postgres', ...APP };
  obj<IServiceAccount>(s, 'serviceaccount-postgresql', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...APP }, name: 'postgresql', namespace: ns },
  });
  // The server's superuser password (the workloads use postgres-secret-extended).
  obj<ISecret>(s, 'secret-postgres-secret', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { labels: { ...APP }, name: 'postgres-secret', namespace: ns },
    stringData: { root_password: d.password },
    type: 'Opaque',
  });
  obj<IService>(s, 'service-postgres-service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels, name: 'postgres-service', namespace: ns },
    spec: { ports: [{ port: 5432, protocol: 'TCP', targetPort: 5432 }], selector: labels },
  });
  obj<IPersistentVolumeClaim>(s, 'persistentvolumeclaim-postgres-pvc', {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { labels, name: 'postgres-pvc', namespace: ns },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: d.persistence.size } },
      storageClassName: opt(nonEmpty(d.persistence.storageClass), d.persistence.storageClass),
    },
  });
  obj<IDeployment>(s, 'deployment-postgres', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels, name: 'postgres', namespace: ns },
    spec: {
      selector: { matchLabels: labels },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              env: [
                { name: 'POSTGRES_DB', value: 'postgres' },
                { name: 'POSTGRES_USER', value: d.username },
                { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { key: 'root_password', name: 'postgres-secret' } } },
                { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
              ],
              image: v.images.postgresql.ref,
              name: 'postgres',
              ports: [{ containerPort: 5432, name: 'postgres' }],
              readinessProbe: {
                exec: { command: ['psql', '-U', d.username, '-d', 'postgres', '-c', 'SELECT 1'] },
                initialDelaySeconds: 15,
                timeoutSeconds: 2,
              },
              resources: v.postgresql.resources,
              volumeMounts: [{ mountPath: '/var/lib/postgresql/data', name: 'postgres-stateful-data' }],
            },
          ],
          ...scheduled(v.postgresql),
          serviceAccountName: 'postgresql',
          volumes: [{ name: 'postgres-stateful-data', persistentVolumeClaim: { claimName: 'postgres-pvc' } }],
        },
      },
    },
  });
}
