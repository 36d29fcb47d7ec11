import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { eq, items, nonEmpty, opt, pick, text } from '../../core/conditions.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { SERVER, SERVER_SERVICE, type Context } from './context.js';
import { databasePort, DB_PARAMETERS, secretName } from './database.js';

const CONFIG = 'model-registry-configmap';

/** The registry server: its ServiceAccount, settings, Service and Deployment. */
export function server(scope: Construct, c: Context): void {
  const v = c.v.server;
  const labels = { component: SERVER };
  new k8s.KubeServiceAccount(scope, 'server-service-account', { metadata: c.meta(SERVER) });
  new k8s.KubeConfigMap(scope, 'server-config', {
    metadata: c.meta(CONFIG, labels),
    data: {
      MODEL_REGISTRY_DATA_STORE_TYPE: 'embedmd',
      MODEL_REGISTRY_REST_SERVICE_HOST: SERVER_SERVICE,
      MODEL_REGISTRY_REST_SERVICE_PORT: text(v.port),
    },
  });
  new k8s.KubeService(scope, 'server-service', {
    metadata: c.meta(
      SERVER_SERVICE,
      {
        app: SERVER_SERVICE,
        'app.kubernetes.io/component': 'model-registry',
        'app.kubernetes.io/instance': SERVER_SERVICE,
        'app.kubernetes.io/name': SERVER_SERVICE,
        'app.kubernetes.io/part-of': 'model-registry',
        component: 'model-registry',
      },
      { description: v.description, displayName: v.displayName },
    ),
    spec: {
      ports: [{ appProtocol: 'http', name: 'http-api', port: v.port, protocol: 'TCP' }],
      selector: labels,
      type: 'ClusterIP',
    },
  });
  new k8s.KubeDeployment(scope, 'server-deployment', {
    metadata: c.meta('model-registry-deployment', labels),
    spec: {
      replicas: v.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: {
          // the sidecar must not capture the database connection (the database has no sidecar)
          annotations: {
            'traffic.sidecar.istio.io/excludeOutboundPorts': text(pick(isMysql(c), databasePort(c, 'mysql'), databasePort(c, 'postgres'))),
          },
          labels: { ...labels, 'sidecar.istio.io/inject': 'true' },
        },
        spec: {
          containers: [
            {
              name: 'rest-container',
              image: v.image.ref,
              imagePullPolicy: opt(nonEmpty(v.image.pullPolicy), v.image.pullPolicy),
              command: ['/model-registry', 'proxy'],
              args: ['--hostname=0.0.0.0', '--port=$(MODEL_REGISTRY_REST_SERVICE_PORT)', ...databaseArgs(c)],
              env: [],
              envFrom: [
                { configMapRef: { name: CONFIG } },
                { secretRef: { name: secretName(c) } },
                { configMapRef: { name: DB_PARAMETERS } },
              ],
              livenessProbe: probe('/readyz/isDirty', 30, 10),
              ports: [{ containerPort: v.port, name: 'http-api' }],
              readinessProbe: probe('/readyz/health', 5, 10),
              resources: v.resources,
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              startupProbe: { ...probe('/readyz/isDirty', 10, 5), failureThreshold: 6 },
            },
          ],
          ...podScheduling(v),
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          serviceAccountName: SERVER,
        },
      },
    },
  });
}

const isMysql = (c: Context) => eq(c.v.database.type, 'mysql');

/** How the server reaches its database: the DSN is assembled from the parameters and the Secret. */
function databaseArgs(c: Context): string[] {
  return [
    ...items(isMysql(c), [
      '--datastore-type=$(MODEL_REGISTRY_DATA_STORE_TYPE)',
      `--embedmd-database-dsn=$(MYSQL_USER_NAME):$(MYSQL_ROOT_PASSWORD)@tcp(${c.v.database.host}:$(MYSQL_PORT))/$(MYSQL_DATABASE)?charset=utf8mb4`,
    ]),
    ...items(eq(c.v.database.type, 'postgres'), [
      '--datastore-type=embedmd',
      '--embedmd-database-type=postgres',
      '--embedmd-database-dsn=postgresql://$(POSTGRES_USER):$(POSTGRES_PASSWORD)@$(POSTGRES_HOST):$(POSTGRES_PORT)/$(POSTGRES_DB)?sslmode=disable',
    ]),
  ];
}

const probe = (path: string, initialDelaySeconds: number, periodSeconds: number): k8s.Probe => ({
  failureThreshold: 3,
  httpGet: { path, port: k8s.IntOrString.fromString('http-api') },
  initialDelaySeconds,
  periodSeconds,
  timeoutSeconds: 5,
});
