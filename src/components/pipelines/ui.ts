import type { Construct } from 'constructs';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { eq, items, not, opt, pick, text, when } from '../../core/conditions.js';
import { bindAccount, fromConfig, fromSecret, obj, kfpDeployment, scheduled, restricted } from './objects.js';
import { jsonText } from './profile-children.js';
import type { Pipelines } from './pipelines.js';

export function ui(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-ml-pipeline-ui', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-ui', namespace: ns },
  });
  obj<IRole>(s, 'role-ml-pipeline-ui', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { labels: { ...c.labels, app: 'ml-pipeline-ui' }, name: 'ml-pipeline-ui', namespace: ns },
    rules: [
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get'] },
      { apiGroups: [''], resources: ['events'], verbs: ['list'] },
      { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['get', 'list'] },
      {
        apiGroups: ['kubeflow.org'],
        resources: ['viewers'],
        verbs: ['create', 'get', 'list', 'watch', 'delete'],
      },
      { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['get', 'list'] },
    ],
  });
  when(s, 'if-clusterrole-ml-pipeline-ui', v.multiUser.enabled, (w) => {
    obj<IClusterRole>(w, 'clusterrole-ml-pipeline-ui', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { labels: { ...c.labels, app: 'ml-pipeline-ui' }, name: 'ml-pipeline-ui' },
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get'] },
        { apiGroups: [''], resources: ['events'], verbs: ['list'] },
        { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] },
        {
          apiGroups: ['kubeflow.org'],
          resources: ['viewers'],
          verbs: ['create', 'get', 'list', 'watch', 'delete'],
        },
        { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['get', 'list'] },
      ],
    });
  });
  bindAccount(c, s, {
    name: 'ml-pipeline-ui',
    account: 'ml-pipeline-ui',
    role: 'ml-pipeline-ui',
    labels: { ...c.labels, app: 'ml-pipeline-ui' },
  });
  obj<IConfigMap>(s, 'configmap-ml-pipeline-ui-configmap', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    data: {
      // Viewer (TensorBoard) pods run as the profile's runner account in multi-user mode.
      'viewer-pod-template.json': jsonText(
        { spec: { serviceAccountName: pick(v.multiUser.enabled, v.multiUser.runnerServiceAccount, 'kubeflow-pipelines-viewer') } },
        4,
      ),
    },
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-ui-configmap', namespace: ns },
  });
  obj<IService>(s, 'service-ml-pipeline-ui', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { ...c.labels, app: 'ml-pipeline-ui' }, name: 'ml-pipeline-ui', namespace: ns },
    spec: {
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 3000 }],
      selector: { ...c.labels, app: 'ml-pipeline-ui' },
    },
  });
  kfpDeployment(c, s, {
    name: 'ml-pipeline-ui',
    replicas: opt(not(eq(v.ui.replicas, 1)), v.ui.replicas),
    evictable: true,
    pod: {
      containers: [
        {
          env: [
            { name: 'VIEWER_TENSORBOARD_POD_TEMPLATE_SPEC_PATH', value: '/etc/config/viewer-pod-template.json' },
            ...items(v.multiUser.enabled, [
              { name: 'DEPLOYMENT', value: 'KUBEFLOW' },
              { name: 'ARTIFACTS_SERVICE_PROXY_NAME', value: 'ml-pipeline-ui-artifact' },
              { name: 'ARTIFACTS_SERVICE_PROXY_PORT', value: '80' },
              fromConfig('ARTIFACTS_SERVICE_PROXY_ENABLED', 'ARTIFACTS_PROXY_ENABLED', true),
              { name: 'ENABLE_AUTHZ', value: 'true' },
              { name: 'KUBEFLOW_USERID_HEADER', value: v.multiUser.userIdHeader },
              { name: 'KUBEFLOW_USERID_PREFIX', value: v.multiUser.userIdPrefix },
            ]),
            { name: 'MINIO_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
            fromSecret('MINIO_ACCESS_KEY', c.s3.secret, c.s3.accessKeyKey),
            fromSecret('MINIO_SECRET_KEY', c.s3.secret, c.s3.secretKeyKey),
            { name: 'ALLOW_CUSTOM_VISUALIZATIONS', value: 'true' },
            { name: 'FRONTEND_SERVER_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
            { name: 'ARGO_ARCHIVE_LOGS', value: text(v.argo.archiveLogs) },
            { name: 'DISABLE_GKE_METADATA', value: 'true' },
            fromConfig('CLUSTER_DOMAIN', 'CLUSTER_DOMAIN', true),
            ...items(not(v.multiUser.enabled), [fromConfig('ARTIFACTS_SERVICE_PROXY_ENABLED', 'ARTIFACTS_PROXY_ENABLED', true)]),
            // External S3: where the UI reads artifacts from.
            ...items(c.s3.external, [
              { name: 'MINIO_HOST', value: v.objectStore.host },
              { name: 'MINIO_PORT', value: text(v.objectStore.port) },
              { name: 'MINIO_SSL', value: text(v.objectStore.secure) },
              { name: 'AWS_REGION', value: v.objectStore.region },
              { name: 'AWS_S3_ENDPOINT', value: c.s3.endpoint },
              { name: 'AWS_SSL', value: text(v.objectStore.secure) },
              fromSecret('AWS_ACCESS_KEY_ID', c.s3.secret, c.s3.accessKeyKey),
              fromSecret('AWS_SECRET_ACCESS_KEY', c.s3.secret, c.s3.secretKeyKey),
            ]),
          ],
          image: v.images.frontend.ref,
          imagePullPolicy: 'IfNotPresent',
          livenessProbe: {
            httpGet: { path: '/apis/v1beta1/healthz', port: 3000 },
            initialDelaySeconds: 3,
            periodSeconds: 5,
            timeoutSeconds: 2,
          },
          name: 'ml-pipeline-ui',
          ports: [{ containerPort: 3000 }],
          readinessProbe: {
            httpGet: { path: '/apis/v1beta1/healthz', port: 3000 },
            initialDelaySeconds: 3,
            periodSeconds: 5,
            timeoutSeconds: 2,
          },
          resources: v.ui.resources,
          securityContext: restricted(),
          volumeMounts: [{ mountPath: '/etc/config', name: 'config-volume', readOnly: true }],
        },
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      ...scheduled(v.ui),
      serviceAccountName: 'ml-pipeline-ui',
      volumes: [{ configMap: { name: 'ml-pipeline-ui-configmap' }, name: 'config-volume' }],
    },
  });
}
