import type { Construct } from 'constructs';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { eq, not, opt, when } from '../../core/conditions.js';
import { bindAccount, obj, kfpDeployment, scheduled, watched, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function persistenceAgent(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-ml-pipeline-persistenceagent', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-persistenceagent', namespace: ns },
  });
  const rules = [
    { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['kubeflow.org'], resources: ['scheduledworkflows'], verbs: ['get', 'list', 'watch'] },
    {
      apiGroups: ['pipelines.kubeflow.org'],
      resources: ['scheduledworkflows', 'workflows'],
      verbs: ['report'],
    },
    {
      apiGroups: ['pipelines.kubeflow.org'],
      resources: ['runs'],
      verbs: ['reportMetrics', 'readArtifact'],
    },
  ];
  obj<IRole>(s, 'role-ml-pipeline-persistenceagent-role', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-persistenceagent-role', namespace: ns },
    rules,
  });
  when(s, 'if-clusterrole-ml-pipeline-persistenceagent-role', v.multiUser.enabled, (w) => {
    obj<IClusterRole>(w, 'clusterrole-ml-pipeline-persistenceagent-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { labels: { ...c.labels }, name: 'ml-pipeline-persistenceagent-role' },
      rules,
    });
  });
  bindAccount(c, s, {
    name: 'ml-pipeline-persistenceagent-binding',
    account: 'ml-pipeline-persistenceagent',
    role: 'ml-pipeline-persistenceagent-role',
    labels: c.labels,
  });
  kfpDeployment(c, s, {
    name: 'ml-pipeline-persistenceagent',
    replicas: opt(not(eq(v.persistenceAgent.replicas, 1)), v.persistenceAgent.replicas),
    evictable: true,
    pod: {
      containers: [
        {
          env: [
            ...watched(v.multiUser.enabled, 'NAMESPACE', true),
            ...watched(v.multiUser.enabled, 'NAMESPACE', false),
            { name: 'TTL_SECONDS_AFTER_WORKFLOW_FINISH', value: '86400' },
            { name: 'NUM_WORKERS', value: '2' },
            { name: 'LOG_LEVEL', value: 'info' },
          ],
          image: v.images.persistenceAgent.ref,
          imagePullPolicy: 'IfNotPresent',
          name: 'ml-pipeline-persistenceagent',
          resources: v.persistenceAgent.resources,
          securityContext: restricted(),
          volumeMounts: [{ mountPath: '/var/run/secrets/kubeflow/tokens', name: 'persistenceagent-sa-token' }],
        },
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      ...scheduled(v.persistenceAgent),
      serviceAccountName: 'ml-pipeline-persistenceagent',
      volumes: [
        {
          name: 'persistenceagent-sa-token',
          projected: {
            sources: [
              {
                serviceAccountToken: {
                  audience: 'pipelines.kubeflow.org',
                  expirationSeconds: 3600,
                  path: 'persistenceagent-sa-token',
                },
              },
            ],
          },
        },
      ],
    },
  });
}
