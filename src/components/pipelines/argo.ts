import type { Construct } from 'constructs';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { eq, items, not, opt, text, when } from '../../core/conditions.js';
import { bindAccount, APP, obj, scheduled } from './objects.js';
import { yamlText } from './storage.js';
import type { Pipelines } from './pipelines.js';

export function argo(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-argo', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...APP }, name: 'argo', namespace: ns },
  });
  obj<IRole>(s, 'role-argo-role', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { labels: { ...APP }, name: 'argo-role', namespace: ns },
    rules: [
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'update'] },
      // A namespaced controller gets in its Role what the cluster role grants otherwise.
      ...items(v.argo.namespaced, [
        { apiGroups: [''], resources: ['pods', 'pods/exec'], verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'] },
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'watch', 'list'] },
        {
          apiGroups: [''],
          resources: ['persistentvolumeclaims', 'persistentvolumeclaims/finalizers'],
          verbs: ['create', 'update', 'delete', 'get'],
        },
        {
          apiGroups: ['argoproj.io'],
          resources: ['workflows', 'workflows/finalizers', 'workflowtasksets', 'workflowtasksets/finalizers', 'workflowartifactgctasks'],
          verbs: ['get', 'list', 'watch', 'update', 'patch', 'delete', 'create'],
        },
        { apiGroups: ['argoproj.io'], resources: ['workflowtemplates', 'workflowtemplates/finalizers'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['list', 'watch', 'deletecollection'] },
        { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get', 'list'] },
      ]),
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
      ...items(v.argo.namespaced, [
        {
          apiGroups: ['argoproj.io'],
          resources: ['cronworkflows', 'cronworkflows/finalizers'],
          verbs: ['get', 'list', 'watch', 'update', 'patch', 'delete'],
        },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: ['create', 'get', 'delete'] },
      ]),
    ],
  });
  // Argo's rights for Kubernetes' own admin/edit/view roles (and so for profile members).
  const withFinalizers = (kinds: string[]) => kinds.flatMap((k) => [k, `${k}/finalizers`]);
  const kinds = ['workflows', 'workfloweventbindings', 'workflowtemplates', 'cronworkflows', 'clusterworkflowtemplates'];
  const write = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
  const aggregated: [string, string[], string[]][] = [
    ['admin', [...kinds, 'workflowtasksets', 'workflowtaskresults'], write],
    ['edit', [...kinds, 'workflowtaskresults'], write],
    ['view', [...kinds, 'workflowtaskresults'], ['get', 'list', 'watch']],
  ];
  for (const [level, resources, verbs] of aggregated) {
    when(s, `if-clusterrole-argo-aggregate-to-${level}`, v.multiUser.enabled, (w) => {
      obj<IClusterRole>(w, `clusterrole-argo-aggregate-to-${level}`, {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { labels: { ...APP, [`rbac.authorization.k8s.io/aggregate-to-${level}`]: 'true' }, name: `argo-aggregate-to-${level}` },
        rules: [{ apiGroups: ['argoproj.io'], resources: withFinalizers(resources), verbs }],
      });
    });
  }
  when(s, 'if-clusterrole-argo-cluster-role', v.multiUser.enabled, (w) => {
    obj<IClusterRole>(w, 'clusterrole-argo-cluster-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { labels: { ...APP }, name: 'argo-cluster-role' },
      rules: [
        {
          apiGroups: [''],
          resources: ['pods', 'pods/exec'],
          verbs: ['create', 'get', 'list', 'watch', 'update', 'patch', 'delete'],
        },
        { apiGroups: [''], resources: ['configmaps', 'namespaces'], verbs: ['get', 'watch', 'list'] },
        {
          apiGroups: [''],
          resources: ['persistentvolumeclaims', 'persistentvolumeclaims/finalizers'],
          verbs: ['create', 'update', 'delete', 'get'],
        },
        {
          apiGroups: ['argoproj.io'],
          resources: ['workflows', 'workflows/finalizers', 'workflowtasksets', 'workflowtasksets/finalizers', 'workflowartifactgctasks'],
          verbs: ['get', 'list', 'watch', 'update', 'patch', 'delete', 'create'],
        },
        {
          apiGroups: ['argoproj.io'],
          resources: [
            'workflowtemplates',
            'workflowtemplates/finalizers',
            'clusterworkflowtemplates',
            'clusterworkflowtemplates/finalizers',
          ],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['argoproj.io'],
          resources: ['workflowtaskresults'],
          verbs: ['list', 'watch', 'deletecollection'],
        },
        { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get', 'list'] },
        {
          apiGroups: ['argoproj.io'],
          resources: ['cronworkflows', 'cronworkflows/finalizers'],
          verbs: ['get', 'list', 'watch', 'update', 'patch', 'delete'],
        },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: ['create', 'get', 'delete'] },
        {
          apiGroups: [''],
          resourceNames: ['argo-workflows-agent-ca-certificates'],
          resources: ['secrets'],
          verbs: ['get'],
        },
      ],
    });
  });
  bindAccount(c, s, { name: 'argo-binding', account: 'argo', role: 'argo-role', clusterRole: 'argo-cluster-role', labels: APP });
  obj<IConfigMap>(s, 'configmap-workflow-controller-configmap', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    data: {
      // Written from typed values (declared deviation: upstream's text carries comments).
      artifactRepository: yamlText({
        archiveLogs: v.argo.archiveLogs,
        s3: {
          endpoint: c.s3.endpoint,
          bucket: v.objectStore.bucket,
          keyFormat: v.argo.keyFormat,
          insecure: c.s3.insecure,
          region: opt(c.s3.external, v.objectStore.region),
          accessKeySecret: { name: c.s3.secret, key: c.s3.accessKeyKey },
          secretKeySecret: { name: c.s3.secret, key: c.s3.secretKeyKey },
        },
      }),
      executor: yamlText({
        imagePullPolicy: 'IfNotPresent',
        resources: v.argo.executor.resources,
        securityContext: {
          runAsNonRoot: true,
          runAsUser: 65532,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
      }),
      parallelism: opt(not(eq(v.argo.parallelism, 0)), text(v.argo.parallelism)),
      workflowDefaults: opt(
        not(eq(v.argo.ttlSecondsAfterFinished, 0)),
        yamlText({ spec: { ttlStrategy: { secondsAfterCompletion: v.argo.ttlSecondsAfterFinished } } }),
      ),
    },
    metadata: {
      labels: { ...APP },
      name: 'workflow-controller-configmap',
      namespace: ns,
    },
  });
  obj<IPriorityClass>(s, 'priorityclass-workflow-controller', {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { labels: { ...APP }, name: 'workflow-controller' },
    value: 1000000,
  });
  obj<IDeployment>(s, 'deployment-workflow-controller', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { ...APP }, name: 'workflow-controller', namespace: ns },
    spec: {
      replicas: opt(not(eq(v.workflowController.replicas, 1)), v.workflowController.replicas),
      selector: { matchLabels: { app: 'workflow-controller', 'application-crd-id': 'kubeflow-pipelines' } },
      template: {
        metadata: { labels: { app: 'workflow-controller', 'application-crd-id': 'kubeflow-pipelines' } },
        spec: {
          containers: [
            {
              args: [
                '--configmap',
                'workflow-controller-configmap',
                '--executor-image',
                v.images.argoexec.ref,
                ...items(v.argo.namespaced, ['--namespaced']),
              ],
              command: ['workflow-controller'],
              env: [
                {
                  name: 'LEADER_ELECTION_IDENTITY',
                  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
                },
              ],
              image: v.images.workflowController.ref,
              livenessProbe: {
                failureThreshold: 3,
                httpGet: { path: '/healthz', port: 6060 },
                initialDelaySeconds: 90,
                periodSeconds: 60,
                timeoutSeconds: 30,
              },
              name: 'workflow-controller',
              ports: [{ containerPort: 9090, name: 'metrics' }, { containerPort: 6060 }],
              resources: v.workflowController.resources,
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                seccompProfile: { type: 'RuntimeDefault' },
              },
            },
          ],
          priorityClassName: 'workflow-controller',
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          ...scheduled(v.workflowController),
          serviceAccountName: 'argo',
        },
      },
    },
  });
}
