import type { Construct } from 'constructs';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { eq, not, opt, when } from '../../core/conditions.js';
import { bindAccount, obj, kfpDeployment, scheduled, watched, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function scheduledWorkflow(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-ml-pipeline-scheduledworkflow', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-scheduledworkflow', namespace: ns },
  });
  obj<IRole>(s, 'role-ml-pipeline-scheduledworkflow-role', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: {
      labels: { ...c.labels, app: 'ml-pipeline-scheduledworkflow-role' },
      name: 'ml-pipeline-scheduledworkflow-role',
      namespace: ns,
    },
    rules: [
      {
        apiGroups: ['argoproj.io'],
        resources: ['workflows'],
        verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'],
      },
      {
        apiGroups: ['kubeflow.org'],
        resources: ['scheduledworkflows', 'scheduledworkflows/finalizers'],
        verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'],
      },
      { apiGroups: ['pipelines.kubeflow.org'], resources: ['runs'], verbs: ['create'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
    ],
  });
  when(s, 'if-clusterrole-ml-pipeline-scheduledworkflow-role', v.multiUser.enabled, (w) => {
    obj<IClusterRole>(w, 'clusterrole-ml-pipeline-scheduledworkflow-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { labels: { ...c.labels }, name: 'ml-pipeline-scheduledworkflow-role' },
      rules: [
        {
          apiGroups: ['argoproj.io'],
          resources: ['workflows'],
          verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'],
        },
        { apiGroups: ['pipelines.kubeflow.org'], resources: ['runs'], verbs: ['create'] },
        {
          apiGroups: ['kubeflow.org'],
          resources: ['scheduledworkflows', 'scheduledworkflows/finalizers'],
          verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'],
        },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      ],
    });
  });
  bindAccount(c, s, {
    name: 'ml-pipeline-scheduledworkflow-binding',
    account: 'ml-pipeline-scheduledworkflow',
    role: 'ml-pipeline-scheduledworkflow-role',
    labels: c.labels,
  });
  kfpDeployment(c, s, {
    name: 'ml-pipeline-scheduledworkflow',
    replicas: opt(not(eq(v.scheduledWorkflow.replicas, 1)), v.scheduledWorkflow.replicas),
    evictable: true,
    pod: {
      containers: [
        {
          env: [
            ...watched(v.multiUser.enabled, 'NAMESPACE', true),
            { name: 'METRICS_PORT', value: '9090' },
            { name: 'CLIENT_QPS', value: '10' },
            { name: 'RESYNC_INTERVAL_SECONDS', value: '30' },
            { name: 'CLIENT_BURST', value: '20' },
            { name: 'LOG_LEVEL', value: 'info' },
            ...watched(v.multiUser.enabled, 'NAMESPACE', false),
            {
              name: 'CRON_SCHEDULE_TIMEZONE',
              valueFrom: { configMapKeyRef: { key: 'cronScheduleTimezone', name: 'pipeline-install-config' } },
            },
          ],
          image: v.images.scheduledWorkflow.ref,
          resources: v.scheduledWorkflow.resources,
          imagePullPolicy: 'IfNotPresent',
          name: 'ml-pipeline-scheduledworkflow',
          ports: [{ containerPort: 9090, name: 'http' }],
          securityContext: restricted(),
          volumeMounts: [{ mountPath: '/var/run/secrets/kubeflow/tokens', name: 'scheduledworkflow-sa-token' }],
        },
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      ...scheduled(v.scheduledWorkflow),
      serviceAccountName: 'ml-pipeline-scheduledworkflow',
      volumes: [
        {
          name: 'scheduledworkflow-sa-token',
          projected: {
            sources: [
              {
                serviceAccountToken: {
                  audience: 'pipelines.kubeflow.org',
                  expirationSeconds: 3600,
                  path: 'scheduledworkflow-sa-token',
                },
              },
            ],
          },
        },
      ],
    },
  });
}
