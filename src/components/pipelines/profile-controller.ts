import type { Construct } from 'constructs';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IDecoratorController } from './decorator-controller.js';
import type { IService } from 'kubernetes-models/v1/Service';
import { pick } from '../../core/conditions.js';
import { hashedName } from '../../core/hash.js';
import { obj, kfpDeployment, scheduled, restricted } from './objects.js';
import { jsonText, profileChildren } from './profile-children.js';
import { hookScript } from './profile-hook.js';
import type { Pipelines } from './pipelines.js';

export function profileController(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  // Our hook and the children it creates per profile namespace (declared deviation: upstream ships its own script).
  const code = { 'children.json': jsonText(profileChildren(c), 2), 'sync.py': hookScript };
  const codeName = hashedName('kubeflow-pipelines-profile-controller-code', 'ConfigMap', code);
  obj<IConfigMap>(s, 'configmap-code', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    data: code,
    metadata: { labels: { ...c.labels, app: 'kubeflow-pipelines-profile-controller' }, name: codeName, namespace: ns },
  });
  const env = { DISABLE_ISTIO_SIDECAR: 'false' };
  const envName = hashedName('kubeflow-pipelines-profile-controller-env', 'ConfigMap', env);
  obj<IConfigMap>(s, 'configmap-env', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    data: env,
    metadata: {
      labels: { ...c.labels, app: 'kubeflow-pipelines-profile-controller' },
      name: envName,
      namespace: ns,
    },
  });
  obj<IService>(s, 'service-kubeflow-pipelines-profile-controller', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      labels: { ...c.labels, app: 'kubeflow-pipelines-profile-controller' },
      name: 'kubeflow-pipelines-profile-controller',
      namespace: ns,
    },
    spec: {
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { ...c.labels, app: 'kubeflow-pipelines-profile-controller' },
    },
  });
  kfpDeployment(c, s, {
    name: 'kubeflow-pipelines-profile-controller',
    replicas: v.profileController.replicas,
    podLabels: { 'sidecar.istio.io/inject': 'false' },
    pod: {
      containers: [
        {
          command: ['python', '/hooks/sync.py'],
          env: [
            {
              name: 'KFP_VERSION',
              valueFrom: { configMapKeyRef: { key: 'appVersion', name: 'pipeline-install-config' } },
            },
            { name: 'AWS_ENDPOINT_URL', value: pick(c.s3.bundled, `http://seaweedfs.${ns}:8111`, c.s3.url) },
            { name: 'S3_ENDPOINT_URL', value: pick(c.s3.bundled, `http://seaweedfs.${ns}:8333`, c.s3.url) },
            { name: 'AWS_REGION', value: v.objectStore.region },
            {
              name: 'AWS_ACCESS_KEY_ID',
              valueFrom: { secretKeyRef: { key: c.s3.accessKeyKey, name: c.s3.secret } },
            },
            {
              name: 'AWS_SECRET_ACCESS_KEY',
              valueFrom: { secretKeyRef: { key: c.s3.secretKeyKey, name: c.s3.secret } },
            },
            {
              name: 'KFP_DEFAULT_PIPELINE_ROOT',
              valueFrom: {
                configMapKeyRef: { key: 'defaultPipelineRoot', name: 'pipeline-install-config', optional: true },
              },
            },
            {
              name: 'ARTIFACTS_PROXY_ENABLED',
              valueFrom: {
                configMapKeyRef: { key: 'ARTIFACTS_PROXY_ENABLED', name: 'pipeline-install-config', optional: true },
              },
            },
            { name: 'OBJECT_STORE_HOST', value: pick(c.s3.bundled, 'seaweedfs', v.objectStore.host) },
            {
              name: 'ARTIFACT_RETENTION_DAYS',
              valueFrom: { configMapKeyRef: { key: 'ARTIFACT_RETENTION_DAYS', name: 'pipeline-install-config' } },
            },
          ],
          envFrom: [{ configMapRef: { name: envName } }],
          image: v.images.profileController.ref,
          resources: v.profileController.resources,
          name: 'profile-controller',
          ports: [{ containerPort: 8080 }],
          securityContext: restricted(),
          volumeMounts: [{ mountPath: '/hooks', name: 'hooks' }],
        },
      ],
      ...scheduled(v.profileController),
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      volumes: [{ configMap: { name: codeName }, name: 'hooks' }],
    },
  });
  obj<IDecoratorController>(s, 'decoratorcontroller-kubeflow-pipelines-profile-controller', {
    apiVersion: 'metacontroller.k8s.io/v1alpha1',
    kind: 'DecoratorController',
    metadata: {
      labels: { ...c.labels, app: 'kubeflow-pipelines-profile-controller' },
      name: 'kubeflow-pipelines-profile-controller',
      namespace: ns,
    },
    spec: {
      attachments: [
        { apiVersion: 'v1', resource: 'secrets', updateStrategy: { method: 'OnDelete' } },
        { apiVersion: 'v1', resource: 'configmaps', updateStrategy: { method: 'OnDelete' } },
        { apiVersion: 'apps/v1', resource: 'deployments', updateStrategy: { method: 'InPlace' } },
        { apiVersion: 'v1', resource: 'services', updateStrategy: { method: 'InPlace' } },
        {
          apiVersion: 'networking.istio.io/v1alpha3',
          resource: 'destinationrules',
          updateStrategy: { method: 'InPlace' },
        },
        {
          apiVersion: 'security.istio.io/v1beta1',
          resource: 'authorizationpolicies',
          updateStrategy: { method: 'InPlace' },
        },
      ],
      hooks: { sync: { webhook: { url: 'http://kubeflow-pipelines-profile-controller/sync' } } },
      resources: [
        {
          apiVersion: 'v1',
          labelSelector: { matchLabels: { 'pipelines.kubeflow.org/enabled': 'true' } },
          resource: 'namespaces',
        },
      ],
      resyncPeriodSeconds: 3600,
    },
  });
}
