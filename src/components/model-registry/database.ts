import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { and, eq, nonEmpty, not, opt, or, pick, text, when } from '../../core/conditions.js';
import { b64, generatedSecretData } from '../../core/value-text.js';
import type { Context } from './context.js';

export const DB = 'model-registry-db';
export const DB_PARAMETERS = 'model-registry-db-parameters';
export const DB_SECRET = 'model-registry-db-secrets';
export type Engine = 'mysql' | 'postgres';
export const ENGINES: Engine[] = ['mysql', 'postgres'];

/** What differs between the two engines: facts of the upstream overlays db and postgres. */
interface EngineFacts {
  port: number;
  portName: string;
  /** uid and gid of the image's database user */
  uid: number;
  dataDir: string;
  /** Secret keys of the credentials, as the image reads them */
  userKey: string;
  passwordKey: string;
  args?: string[];
  env?: k8s.EnvVar[];
  readinessProbe?: k8s.Probe;
}
const engines: Record<Engine, EngineFacts> = {
  mysql: {
    port: 3306,
    portName: 'dbapi',
    uid: 999,
    dataDir: '/var/lib/mysql',
    userKey: 'MYSQL_USER_NAME',
    passwordKey: 'MYSQL_ROOT_PASSWORD',
    args: ['--datadir', '/var/lib/mysql/datadir'],
    readinessProbe: {
      exec: {
        command: ['/bin/bash', '-c', "mysql -h 127.0.0.1 -D $$MYSQL_DATABASE -u$$MYSQL_USER_NAME -p$$MYSQL_ROOT_PASSWORD -e 'SELECT 1'"],
      },
      initialDelaySeconds: 5,
      periodSeconds: 2,
      timeoutSeconds: 1,
    },
  },
  postgres: {
    port: 5432,
    portName: 'postgres',
    uid: 70,
    dataDir: '/var/lib/postgresql/data',
    userKey: 'POSTGRES_USER',
    passwordKey: 'POSTGRES_PASSWORD',
    env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
  },
};

/** Port the server connects to: the engine's own for the bundled database, else `database.port` (0: the engine's). */
export function databasePort(c: Context, engine: Engine): number {
  const d = c.v.database;
  return pick(or(d.bundled, eq(d.port, 0)), engines[engine].port, d.port);
}

/** The Secret the server and the bundled database read the credentials from. */
export const secretName = (c: Context): string => pick(nonEmpty(c.v.database.existingSecret), c.v.database.existingSecret, DB_SECRET);

/** Everything of one engine, present while `database.type` names it (and the server runs). */
export function database(scope: Construct, c: Context, engine: Engine): void {
  const d = c.v.database;
  const e = engines[engine];
  const port = databasePort(c, engine);
  new k8s.KubeConfigMap(scope, `${engine}-parameters`, {
    metadata: c.meta(DB_PARAMETERS),
    data:
      engine === 'mysql'
        ? { MYSQL_ALLOW_EMPTY_PASSWORD: 'true', MYSQL_DATABASE: d.name, MYSQL_PORT: text(port) }
        : { POSTGRES_DB: d.name, POSTGRES_HOST: d.host, POSTGRES_PORT: text(port) },
  });
  const own = not(nonEmpty(d.existingSecret));
  const secret = (s: Construct, id: string, generate: boolean) =>
    new k8s.KubeSecret(s, id, {
      metadata: c.meta(DB_SECRET, undefined, generate ? { 'helm.sh/resource-policy': 'keep' } : undefined),
      data: {
        [e.passwordKey]: generate
          ? generatedSecretData({
              component: 'model-registry',
              valuePath: 'database.generateSecret',
              namespace: c.v.namespace,
              secretName: DB_SECRET,
              key: e.passwordKey,
              length: 24,
              symbolic: c.symbolic,
            })
          : b64(d.password),
        [e.userKey]: b64(d.user),
      },
      type: 'Opaque',
    });
  // a generated password is kept on uninstall and read back on upgrades, so it never changes
  when(scope, `${engine}-secret`, and(own, not(d.generateSecret)), (s) => secret(s, `${engine}-secrets`, false));
  when(scope, `${engine}-generated-secret`, and(own, d.generateSecret), (s) => secret(s, `${engine}-generated-secrets`, true));
  when(scope, `${engine}-bundled`, d.bundled, (s) => bundled(s, c, engine));
}

/** The in-cluster database: Service, claim and a single-replica Deployment. */
function bundled(scope: Construct, c: Context, engine: Engine): void {
  const d = c.v.database;
  const e = engines[engine];
  const labels = { component: 'db' };
  const claim = `metadata-${engine}`;
  new k8s.KubeService(scope, `${engine}-service`, {
    metadata: c.meta(DB, labels),
    spec: { ports: [{ name: 'dbapi', port: e.port, protocol: 'TCP' }], selector: labels, type: 'ClusterIP' },
  });
  new k8s.KubePersistentVolumeClaim(scope, `${engine}-claim`, {
    metadata: c.meta(claim),
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: d.storage.size } },
      storageClassName: opt(nonEmpty(d.storage.storageClassName), d.storage.storageClassName),
    },
  });
  const image = engine === 'mysql' ? d.mysqlImage : d.postgresImage;
  new k8s.KubeDeployment(scope, `${engine}-deployment`, {
    metadata: c.meta(DB, labels),
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { name: 'db', labels: { ...labels, 'sidecar.istio.io/inject': 'false' } },
        spec: {
          containers: [
            {
              name: 'db-container',
              image: image.ref,
              imagePullPolicy: opt(nonEmpty(image.pullPolicy), image.pullPolicy),
              args: e.args,
              env: e.env,
              envFrom: [{ configMapRef: { name: DB_PARAMETERS } }, { secretRef: { name: secretName(c) } }],
              ports: [{ containerPort: e.port, name: e.portName }],
              readinessProbe: e.readinessProbe,
              resources: d.resources,
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                runAsGroup: e.uid,
                runAsUser: e.uid,
              },
              volumeMounts: [{ mountPath: e.dataDir, name: claim }],
            },
          ],
          securityContext: { fsGroup: e.uid, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          volumes: [{ name: claim, persistentVolumeClaim: { claimName: claim } }],
        },
      },
    },
  });
}

/** True while the server is configured for `engine`. */
export const usesEngine = (c: Context, engine: Engine): boolean => and(c.v.server.enabled, eq(c.v.database.type, engine));
