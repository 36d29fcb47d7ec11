import type { Construct } from 'constructs';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { and, items, json, nonEmpty, not, opt, pick, when } from '../../core/conditions.js';
import { b64 } from '../../core/value-text.js';
import { envoyConfig } from './envoy-config.js';
import { bindAccount, APP, fromConfig, fromSecret, obj, kfpDeployment, scheduled, watched, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';

/** ML Metadata's own PostgreSQL server (bundled PostgreSQL installs, as upstream). */
const MLMD_POSTGRES = 'metadata-postgres-db';

export function metadata(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  when(s, 'metadata-postgresql', c.db.postgresql, (w) => metadataPostgres(c, w));
  obj<IServiceAccount>(s, 'serviceaccount-kubeflow-pipelines-metadata-writer', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels }, name: 'kubeflow-pipelines-metadata-writer', namespace: ns },
  });
  obj<IServiceAccount>(s, 'serviceaccount-metadata-grpc-server', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...APP }, name: 'metadata-grpc-server', namespace: ns },
  });
  const rules = [
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
    { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
    {
      apiGroups: ['argoproj.io'],
      resources: ['workflows'],
      verbs: ['get', 'list', 'watch', 'update', 'patch'],
    },
  ];
  obj<IRole>(s, 'role-kubeflow-pipelines-metadata-writer-role', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: {
      labels: { ...c.labels, app: 'kubeflow-pipelines-metadata-writer-role' },
      name: 'kubeflow-pipelines-metadata-writer-role',
      namespace: ns,
    },
    rules,
  });
  when(s, 'if-clusterrole-kubeflow-pipelines-metadata-writer-role', v.multiUser.enabled, (w) => {
    obj<IClusterRole>(w, 'clusterrole-kubeflow-pipelines-metadata-writer-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { labels: { ...c.labels }, name: 'kubeflow-pipelines-metadata-writer-role' },
      rules,
    });
  });
  bindAccount(c, s, {
    name: 'kubeflow-pipelines-metadata-writer-binding',
    account: 'kubeflow-pipelines-metadata-writer',
    role: 'kubeflow-pipelines-metadata-writer-role',
    labels: c.labels,
  });
  obj<IConfigMap>(s, 'configmap-metadata-envoy-configmap', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    data: {
      'envoy-config.yaml': json(envoyConfig('metadata-grpc-service', 8080), { indent: 2 }),
    },
    metadata: {
      labels: { ...APP },
      name: 'metadata-envoy-configmap',
      namespace: ns,
    },
  });
  obj<IConfigMap>(s, 'configmap-metadata-grpc-configmap', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    data: { METADATA_GRPC_SERVICE_HOST: 'metadata-grpc-service', METADATA_GRPC_SERVICE_PORT: '8080' },
    metadata: {
      labels: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-grpc-server' },
      name: 'metadata-grpc-configmap',
      namespace: ns,
    },
  });
  obj<IService>(s, 'service-metadata-envoy-service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      labels: { app: 'metadata-envoy', 'application-crd-id': 'kubeflow-pipelines' },
      name: 'metadata-envoy-service',
      namespace: ns,
    },
    spec: {
      ports: [{ name: 'md-envoy', port: 9090, protocol: 'TCP' }],
      selector: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-envoy' },
      type: 'ClusterIP',
    },
  });
  obj<IService>(s, 'service-metadata-grpc-service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      labels: { app: 'metadata', 'application-crd-id': 'kubeflow-pipelines' },
      name: 'metadata-grpc-service',
      namespace: ns,
    },
    spec: {
      ports: [{ name: 'grpc-api', port: 8080, protocol: 'TCP' }],
      selector: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-grpc-server' },
      type: 'ClusterIP',
    },
  });
  obj<IDeployment>(s, 'deployment-metadata-envoy-deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      labels: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-envoy' },
      name: 'metadata-envoy-deployment',
      namespace: ns,
    },
    spec: {
      replicas: v.metadataEnvoy.replicas,
      selector: { matchLabels: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-envoy' } },
      template: {
        metadata: {
          labels: {
            'application-crd-id': 'kubeflow-pipelines',
            component: 'metadata-envoy',
            'sidecar.istio.io/inject': 'false',
          },
        },
        spec: {
          containers: [
            {
              args: ['/etc/envoy/envoy-config.yaml'],
              image: v.images.metadataEnvoy.ref,
              resources: v.metadataEnvoy.resources,
              name: 'container',
              ports: [
                { containerPort: 9090, name: 'md-envoy' },
                { containerPort: 9901, name: 'envoy-admin' },
              ],
              securityContext: restricted(),
              volumeMounts: [{ mountPath: '/etc/envoy', name: 'envoy-config' }],
            },
          ],
          ...scheduled(v.metadataEnvoy),
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          volumes: [{ configMap: { name: 'metadata-envoy-configmap' }, name: 'envoy-config' }],
        },
      },
    },
  });
  obj<IDeployment>(s, 'deployment-metadata-grpc-deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      labels: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-grpc-server' },
      name: 'metadata-grpc-deployment',
      namespace: ns,
    },
    spec: {
      replicas: v.metadataGrpc.replicas,
      selector: { matchLabels: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-grpc-server' } },
      template: {
        metadata: { labels: { 'application-crd-id': 'kubeflow-pipelines', component: 'metadata-grpc-server' } },
        spec: {
          containers: [
            {
              args: [
                ...items(c.db.mysql, [
                  '--grpc_port=8080',
                  '--mysql_config_database=$(MYSQL_DATABASE)',
                  '--mysql_config_host=$(MYSQL_HOST)',
                  '--mysql_config_port=$(MYSQL_PORT)',
                  '--mysql_config_user=$(DBCONFIG_USER)',
                  '--mysql_config_password=$(DBCONFIG_PASSWORD)',
                  '--enable_database_upgrade=true',
                  '--grpc_channel_arguments=grpc.max_metadata_size=16384,grpc.max_receive_message_length=104857600,grpc.max_send_message_length=104857600',
                ]),
                ...items(c.db.postgresql, [
                  '--grpc_port=$(METADATA_GRPC_SERVICE_PORT)',
                  '--metadata_source_config_type=postgresql',
                  '--postgres_config_host=$(POSTGRES_HOST)',
                  '--postgres_config_port=$(POSTGRES_PORT)',
                  '--postgres_config_dbname=$(POSTGRES_DBNAME)',
                  '--postgres_config_user=$(POSTGRES_USER)',
                  '--postgres_config_password=$(POSTGRES_PASSWORD)',
                  '--enable_database_upgrade=true',
                ]),
              ],
              command: ['/bin/metadata_store_server'],
              env: [
                ...items(c.db.mysql, [
                  fromSecret('DBCONFIG_USER', c.db.secret, c.db.userKey),
                  fromSecret('DBCONFIG_PASSWORD', c.db.secret, c.db.passwordKey),
                  fromConfig('MYSQL_DATABASE', 'mlmdDb'),
                  fromConfig('MYSQL_HOST', 'dbHost'),
                  fromConfig('MYSQL_PORT', 'dbPort'),
                ]),
                // An external PostgreSQL: ML Metadata uses the Pipelines database user.
                ...items(and(c.db.postgresql, not(v.database.bundled)), [
                  fromSecret('POSTGRES_USER', c.db.secret, c.db.userKey),
                  fromSecret('POSTGRES_PASSWORD', c.db.secret, c.db.passwordKey),
                ]),
                // (never an empty list: Helm would render it as null)
                ...items(c.db.postgresql, [{ name: 'POSTGRES_HOST', value: pick(v.database.bundled, MLMD_POSTGRES, c.db.host) }]),
              ],
              envFrom: opt(c.db.postgresql, [
                { configMapRef: { name: `${MLMD_POSTGRES}-parameters` } },
                ...items(v.database.bundled, [{ secretRef: { name: `${MLMD_POSTGRES}-secrets` } }]),
                { configMapRef: { name: 'metadata-grpc-configmap' } },
              ]),
              image: v.images.metadataServer.ref,
              resources: v.metadataGrpc.resources,
              livenessProbe: {
                initialDelaySeconds: 3,
                periodSeconds: 5,
                tcpSocket: { port: 'grpc-api' },
                timeoutSeconds: 2,
              },
              name: 'container',
              ports: [{ containerPort: 8080, name: 'grpc-api' }],
              readinessProbe: {
                initialDelaySeconds: 3,
                periodSeconds: 5,
                tcpSocket: { port: 'grpc-api' },
                timeoutSeconds: 2,
              },
              securityContext: restricted(),
            },
          ],
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          ...scheduled(v.metadataGrpc),
          serviceAccountName: 'metadata-grpc-server',
        },
      },
    },
  });
  kfpDeployment(c, s, {
    name: 'metadata-writer',
    replicas: v.metadataWriter.replicas,
    pod: {
      containers: [
        {
          env: [...watched(v.multiUser.enabled, 'NAMESPACE_TO_WATCH', true), ...watched(v.multiUser.enabled, 'NAMESPACE_TO_WATCH', false)],
          image: v.images.metadataWriter.ref,
          resources: v.metadataWriter.resources,
          name: 'main',
          securityContext: restricted(),
        },
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      ...scheduled(v.metadataWriter),
      serviceAccountName: 'kubeflow-pipelines-metadata-writer',
    },
  });
}

/** ML Metadata's PostgreSQL settings, and with the bundled PostgreSQL its own database server. */
function metadataPostgres(c: Pipelines, s: Construct): void {
  const v = c.v;
  const ns = v.namespace;
  const d = v.database;
  const labels = { ...APP };
  obj<IConfigMap>(s, 'configmap-parameters', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { labels, name: `${MLMD_POSTGRES}-parameters`, namespace: ns },
    data: { POSTGRES_DBNAME: pick(d.bundled, 'mlmdpostgres', d.names.metadata), POSTGRES_PORT: c.db.port },
  });
  when(s, 'bundled', d.bundled, (w) => {
    const db = { ...APP, component: 'db' };
    obj<ISecret>(w, 'secret', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { labels, name: `${MLMD_POSTGRES}-secrets`, namespace: ns },
      data: { POSTGRES_PASSWORD: b64(d.password), POSTGRES_USER: b64('root') },
      type: 'Opaque',
    });
    obj<IService>(w, 'service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: db, name: MLMD_POSTGRES, namespace: ns },
      spec: { ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }], selector: db, type: 'ClusterIP' },
    });
    obj<IPersistentVolumeClaim>(w, 'pvc', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { labels, name: 'metadata-postgres', namespace: ns },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: d.persistence.size } },
        storageClassName: opt(nonEmpty(d.persistence.storageClass), d.persistence.storageClass),
      },
    });
    obj<IDeployment>(w, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels: db, name: MLMD_POSTGRES, namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: db },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels: { ...db, 'sidecar.istio.io/inject': 'false' }, name: 'db' },
          spec: {
            containers: [
              {
                env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
                envFrom: [{ configMapRef: { name: `${MLMD_POSTGRES}-parameters` } }, { secretRef: { name: `${MLMD_POSTGRES}-secrets` } }],
                image: v.images.postgresql.ref,
                name: 'db-container',
                ports: [{ containerPort: 5432, name: 'postgres' }],
                volumeMounts: [{ mountPath: '/var/lib/postgresql/data', name: 'metadata-postgres' }],
              },
            ],
            volumes: [{ name: 'metadata-postgres', persistentVolumeClaim: { claimName: 'metadata-postgres' } }],
          },
        },
      },
    });
  });
}
