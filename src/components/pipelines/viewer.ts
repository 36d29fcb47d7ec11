import type { Construct } from 'constructs';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { eq, not, opt, when } from '../../core/conditions.js';
import { bindAccount, obj, kfpDeployment, scheduled, watched, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function viewer(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-kubeflow-pipelines-viewer', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels }, name: 'kubeflow-pipelines-viewer', namespace: ns },
  });
  obj<IServiceAccount>(s, 'serviceaccount-ml-pipeline-viewer-crd-service-account', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-viewer-crd-service-account', namespace: ns },
  });
  const rules = [
    {
      apiGroups: ['*'],
      resources: ['deployments', 'services'],
      verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'],
    },
    {
      apiGroups: ['kubeflow.org'],
      resources: ['viewers', 'viewers/finalizers'],
      verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'],
    },
  ];
  obj<IRole>(s, 'role-ml-pipeline-viewer-controller-role', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-viewer-controller-role', namespace: ns },
    rules,
  });
  when(s, 'if-clusterrole-ml-pipeline-viewer-controller-role', v.multiUser.enabled, (w) => {
    obj<IClusterRole>(w, 'clusterrole-ml-pipeline-viewer-controller-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { labels: { ...c.labels }, name: 'ml-pipeline-viewer-controller-role' },
      rules,
    });
  });
  bindAccount(c, s, {
    name: 'ml-pipeline-viewer-crd-binding',
    account: 'ml-pipeline-viewer-crd-service-account',
    role: 'ml-pipeline-viewer-controller-role',
    labels: c.labels,
  });
  kfpDeployment(c, s, {
    name: 'ml-pipeline-viewer-crd',
    replicas: opt(not(eq(v.viewerController.replicas, 1)), v.viewerController.replicas),
    evictable: true,
    pod: {
      containers: [
        {
          env: [
            ...watched(v.multiUser.enabled, 'NAMESPACE', true),
            { name: 'MAX_NUM_VIEWERS', value: '50' },
            ...watched(v.multiUser.enabled, 'NAMESPACE', false),
          ],
          image: v.images.viewerController.ref,
          resources: v.viewerController.resources,
          imagePullPolicy: 'Always',
          name: 'ml-pipeline-viewer-crd',
          securityContext: restricted(),
        },
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      ...scheduled(v.viewerController),
      serviceAccountName: 'ml-pipeline-viewer-crd-service-account',
    },
  });
}
