import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { eq, nonEmpty, not, opt } from '../../core/conditions.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { aggregateTo, aggregating } from '../../lib/rbac.js';
import { EXCLUDE_INBOUND, TRAINER, WEBHOOK_SECRET, WEBHOOK_SERVICE, trainerConfigText } from './config.js';
import type { Trainer } from './trainer.js';

const SA = `${TRAINER}-controller-manager`;
const CONFIG = `${TRAINER}-config`;
const labels = { 'app.kubernetes.io/component': 'manager', 'app.kubernetes.io/name': 'trainer', 'app.kubernetes.io/part-of': 'kubeflow' };
const rbac = 'rbac.authorization.k8s.io';
const GROUP = 'trainer.kubeflow.org';

/** The Trainer controller manager: RBAC, configuration, webhook Service and validating webhooks, Deployment. */
export function trainerManager(scope: Construct, t: Trainer): void {
  const ns = t.v.namespace;
  new k8s.KubeServiceAccount(scope, 'service-account', { metadata: { name: SA, namespace: ns } });
  new k8s.KubeClusterRole(scope, 'role', { metadata: { name: SA }, rules: managerRules() });
  new k8s.KubeClusterRoleBinding(scope, 'role-binding', {
    metadata: { name: SA },
    roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: SA },
    subjects: [{ kind: 'ServiceAccount', name: SA, namespace: ns }],
  });
  new k8s.KubeConfigMap(scope, 'config', {
    metadata: { name: CONFIG, namespace: ns },
    data: { 'controller_manager_config.yaml': trainerConfigText(t.v) },
  });
  // The controller writes its own webhook certificate into this Secret (certManagement).
  new k8s.KubeSecret(scope, 'webhook-cert', { metadata: { name: WEBHOOK_SECRET, namespace: ns }, data: {}, type: 'Opaque' });
  new k8s.KubeService(scope, 'service', {
    metadata: { name: WEBHOOK_SERVICE, namespace: ns },
    spec: {
      ports: [
        { name: 'monitoring-port', port: 8080, targetPort: k8s.IntOrString.fromNumber(8080) },
        { name: 'webhook-server', port: 443, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(9443) },
      ],
      selector: { 'app.kubernetes.io/component': 'manager' },
    },
  });
  deployment(scope, t);
  webhooks(scope, ns);
}

function managerRules(): k8s.PolicyRule[] {
  const watchable = ['create', 'get', 'list', 'patch', 'update', 'watch'];
  return [
    { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: watchable },
    { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch', 'update', 'watch'] },
    { apiGroups: [''], resources: ['limitranges'], verbs: ['get', 'list', 'watch'] },
    {
      apiGroups: ['admissionregistration.k8s.io'],
      resources: ['validatingwebhookconfigurations'],
      verbs: ['get', 'list', 'update', 'watch'],
    },
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'get', 'list', 'update'] },
    { apiGroups: ['jobset.x-k8s.io'], resources: ['jobsets'], verbs: watchable },
    { apiGroups: ['node.k8s.io'], resources: ['runtimeclasses'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['scheduling.volcano.sh', 'scheduling.x-k8s.io'], resources: ['podgroups'], verbs: watchable },
    {
      apiGroups: [GROUP],
      resources: ['clustertrainingruntimes', 'trainingruntimes', 'trainjobs'],
      verbs: ['get', 'list', 'patch', 'update', 'watch'],
    },
    {
      apiGroups: [GROUP],
      resources: ['clustertrainingruntimes/finalizers', 'trainingruntimes/finalizers', 'trainjobs/finalizers', 'trainjobs/status'],
      verbs: ['get', 'patch', 'update'],
    },
  ];
}

function deployment(scope: Construct, t: Trainer): void {
  const v = t.v.manager;
  const probe = (path: string, initialDelaySeconds: number, periodSeconds: number) => ({
    httpGet: { path, port: k8s.IntOrString.fromNumber(8081) },
    initialDelaySeconds,
    periodSeconds,
    timeoutSeconds: 3,
  });
  new k8s.KubeDeployment(scope, 'deployment', {
    metadata: { name: SA, namespace: t.v.namespace, labels },
    spec: {
      // Upstream leaves replicas to the API server's default (1); the field appears once it differs.
      replicas: opt(not(eq(v.replicas, 1)), v.replicas),
      selector: { matchLabels: labels },
      template: {
        metadata: { annotations: opt(t.v.istio.excludeWebhookPort, { [EXCLUDE_INBOUND]: '9443' }), labels },
        spec: {
          containers: [
            {
              name: 'manager',
              image: v.image.ref,
              imagePullPolicy: opt(nonEmpty(v.image.pullPolicy), v.image.pullPolicy),
              args: ['--config=/controller_manager_config.yaml', `--zap-log-level=${v.logLevel}`],
              livenessProbe: probe('/healthz', 15, 20),
              readinessProbe: probe('/readyz', 10, 15),
              resources: v.resources,
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                runAsNonRoot: true,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [
                { mountPath: '/controller_manager_config.yaml', name: CONFIG, readOnly: true, subPath: 'controller_manager_config.yaml' },
                { mountPath: '/tmp/k8s-webhook-server/serving-certs', name: 'cert', readOnly: true },
              ],
            },
          ],
          ...podScheduling(v),
          securityContext: opt(v.podSeccompProfile, { seccompProfile: { type: 'RuntimeDefault' } }),
          serviceAccountName: SA,
          volumes: [
            { name: CONFIG, configMap: { name: CONFIG } },
            { name: 'cert', secret: { defaultMode: 420, secretName: WEBHOOK_SECRET } },
          ],
        },
      },
    },
  });
}

function webhooks(scope: Construct, ns: string): void {
  const hook = (kind: string, plural: string) => ({
    admissionReviewVersions: ['v1'],
    clientConfig: { service: { name: WEBHOOK_SERVICE, namespace: ns, path: `/validate-trainer-kubeflow-org-v1alpha1-${kind}` } },
    failurePolicy: 'Fail',
    name: `validator.${kind}.${GROUP}`,
    rules: [{ apiGroups: [GROUP], apiVersions: ['v1alpha1'], operations: ['CREATE', 'UPDATE'], resources: [plural] }],
    sideEffects: 'None',
  });
  new k8s.KubeValidatingWebhookConfiguration(scope, 'validating-webhook', {
    metadata: { name: `validator.${GROUP}` },
    webhooks: [
      hook('clustertrainingruntime', 'clustertrainingruntimes'),
      hook('trainingruntime', 'trainingruntimes'),
      hook('trainjob', 'trainjobs'),
    ],
  });
}

/** Kubeflow's aggregated roles for TrainJobs and runtimes, and read access to the cluster runtimes for everyone. */
export function kubeflowRoles(scope: Construct): void {
  const read = ['get', 'list', 'watch'];
  new k8s.KubeClusterRole(scope, 'admin', {
    metadata: { name: `${TRAINER}-admin`, labels: aggregateTo('kubeflow-admin') },
    aggregationRule: aggregating('kubeflow-trainer-admin'),
    rules: [],
  });
  new k8s.KubeClusterRole(scope, 'edit', {
    metadata: { name: `${TRAINER}-edit`, labels: aggregateTo('kubeflow-edit', 'kubeflow-trainer-admin') },
    rules: [
      { apiGroups: [GROUP], resources: ['trainingruntimes'], verbs: read },
      { apiGroups: [GROUP], resources: ['trainjobs'], verbs: ['create', 'patch', 'get', 'list', 'watch', 'delete'] },
      { apiGroups: [''], resources: ['pods', 'pods/log', 'events'], verbs: read },
    ],
  });
  new k8s.KubeClusterRole(scope, 'view', {
    metadata: { name: `${TRAINER}-view`, labels: aggregateTo('kubeflow-trainer-view', 'kubeflow-view') },
    rules: [{ apiGroups: [GROUP], resources: ['trainingruntimes', 'trainjobs'], verbs: read }],
  });
  const viewRuntimes = `${TRAINER}-view-cluster-runtimes`;
  new k8s.KubeClusterRole(scope, 'view-cluster-runtimes', {
    metadata: { name: viewRuntimes },
    rules: [{ apiGroups: [GROUP], resources: ['clustertrainingruntimes'], verbs: read }],
  });
  new k8s.KubeClusterRoleBinding(scope, 'view-cluster-runtimes-binding', {
    metadata: { name: viewRuntimes },
    roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: viewRuntimes },
    subjects: [{ apiGroup: rbac, kind: 'Group', name: 'system:authenticated' }],
  });
}
