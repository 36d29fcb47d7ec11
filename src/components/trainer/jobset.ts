import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { nonEmpty, opt } from '../../core/conditions.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { leaderElectionRole, metricsReaderRole, proxyRole } from '../../lib/kubebuilder.js';
import { EXCLUDE_INBOUND, jobSetConfigText } from './config.js';
import type { Trainer } from './trainer.js';

const NAME = 'jobset';
const SA = `${NAME}-controller-manager`;
export const JOBSET_WEBHOOK_SERVICE = `${NAME}-webhook-service`;
const selector = { 'control-plane': 'controller-manager' };
const rbac = 'rbac.authorization.k8s.io';

/** kustomize labels of JobSet's config/default, per object. */
const kLabels = (instance: string, name: string, component?: string) => ({
  ...(component ? { 'app.kubernetes.io/component': component } : {}),
  'app.kubernetes.io/created-by': NAME,
  'app.kubernetes.io/instance': instance,
  'app.kubernetes.io/managed-by': 'kustomize',
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': NAME,
});

/** The JobSet controller (sigs.k8s.io/jobset v0.10.1): RBAC, config, webhooks and its Deployment. */
export function jobSetController(scope: Construct, t: Trainer): void {
  const v = t.v;
  const ns = v.namespace;
  const subjects = [{ kind: 'ServiceAccount', name: SA, namespace: ns }];
  new k8s.KubeServiceAccount(scope, 'service-account', {
    metadata: { name: SA, namespace: ns, labels: kLabels('controller-manager', 'serviceaccount', 'rbac') },
  });
  leaderElectionRole(scope, 'leader-election-role', {
    name: `${NAME}-leader-election-role`,
    namespace: ns,
    labels: kLabels('leader-election-role', 'role', 'rbac'),
  });
  new k8s.KubeClusterRole(scope, 'manager-role', { metadata: { name: `${NAME}-manager-role` }, rules: managerRules() });
  metricsReaderRole(scope, 'metrics-reader', { name: `${NAME}-metrics-reader`, labels: kLabels('metrics-reader', 'clusterrole') });
  proxyRole(scope, 'proxy-role', { name: `${NAME}-proxy-role`, labels: kLabels('proxy-role', 'clusterrole') });
  new k8s.KubeRoleBinding(scope, 'leader-election-binding', {
    metadata: {
      name: `${NAME}-leader-election-rolebinding`,
      namespace: ns,
      labels: kLabels('leader-election-rolebinding', 'rolebinding', 'rbac'),
    },
    roleRef: { apiGroup: rbac, kind: 'Role', name: `${NAME}-leader-election-role` },
    subjects,
  });
  new k8s.KubeClusterRoleBinding(scope, 'manager-binding', {
    metadata: { name: `${NAME}-manager-rolebinding`, labels: kLabels('manager-rolebinding', 'clusterrolebinding', 'rbac') },
    roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: `${NAME}-manager-role` },
    subjects,
  });
  new k8s.KubeClusterRoleBinding(scope, 'metrics-reader-binding', {
    metadata: { name: `${NAME}-metrics-reader-rolebinding` },
    roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: `${NAME}-metrics-reader` },
    subjects,
  });
  new k8s.KubeClusterRoleBinding(scope, 'proxy-binding', {
    metadata: { name: `${NAME}-proxy-rolebinding`, labels: kLabels('proxy-rolebinding', 'clusterrolebinding') },
    roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: `${NAME}-proxy-role` },
    subjects,
  });
  new k8s.KubeConfigMap(scope, 'config', {
    metadata: { name: `${NAME}-manager-config`, namespace: ns },
    data: { 'controller_manager_config.yaml': jobSetConfigText() },
  });
  // The controller writes its own webhook certificate into this Secret (internalCertManagement).
  new k8s.KubeSecret(scope, 'webhook-cert', { metadata: { name: `${NAME}-webhook-server-cert`, namespace: ns } });
  new k8s.KubeService(scope, 'metrics-service', {
    metadata: {
      name: `${NAME}-controller-manager-metrics-service`,
      namespace: ns,
      labels: { 'app.kubernetes.io/managed-by': 'kustomize', 'app.kubernetes.io/name': NAME, ...selector },
    },
    spec: { ports: [{ name: 'https', port: 8443, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(8443) }], selector },
  });
  new k8s.KubeService(scope, 'webhook-service', {
    metadata: { name: JOBSET_WEBHOOK_SERVICE, namespace: ns, labels: kLabels('webhook-service', 'service', 'webhook') },
    spec: { ports: [{ port: 443, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(9443) }], selector },
  });
  deployment(scope, t);
  webhooks(scope, ns);
}

function managerRules(): k8s.PolicyRule[] {
  const crud = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
  return [
    { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch', 'update', 'watch'] },
    { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['pods', 'services'], verbs: crud },
    { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'update', 'watch'] },
    {
      apiGroups: ['admissionregistration.k8s.io'],
      resources: ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'],
      verbs: ['get', 'list', 'update', 'watch'],
    },
    { apiGroups: ['batch'], resources: ['jobs'], verbs: crud },
    { apiGroups: ['batch'], resources: ['jobs/status'], verbs: ['get', 'patch', 'update'] },
    { apiGroups: ['jobset.x-k8s.io'], resources: ['jobsets'], verbs: crud },
    { apiGroups: ['jobset.x-k8s.io'], resources: ['jobsets/finalizers'], verbs: ['update'] },
    { apiGroups: ['jobset.x-k8s.io'], resources: ['jobsets/status'], verbs: ['get', 'patch', 'update'] },
  ];
}

function deployment(scope: Construct, t: Trainer): void {
  const v = t.v.jobset;
  new k8s.KubeDeployment(scope, 'deployment', {
    metadata: { name: SA, namespace: t.v.namespace, labels: { ...kLabels('controller-manager', 'deployment', 'manager'), ...selector } },
    spec: {
      replicas: v.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: {
          annotations: {
            'kubectl.kubernetes.io/default-container': 'manager',
            [EXCLUDE_INBOUND]: opt(t.v.istio.excludeWebhookPort, '9443'),
          },
          labels: selector,
        },
        spec: {
          containers: [
            {
              name: 'manager',
              image: v.image.ref,
              imagePullPolicy: opt(nonEmpty(v.image.pullPolicy), v.image.pullPolicy),
              command: ['/manager'],
              args: ['--config=/controller_manager_config.yaml', `--zap-log-level=${v.logLevel}`],
              livenessProbe: {
                httpGet: { path: '/healthz', port: k8s.IntOrString.fromNumber(8081) },
                initialDelaySeconds: 15,
                periodSeconds: 20,
              },
              readinessProbe: {
                httpGet: { path: '/readyz', port: k8s.IntOrString.fromNumber(8081) },
                initialDelaySeconds: 5,
                periodSeconds: 10,
              },
              ports: [
                { containerPort: 8443, name: 'metrics', protocol: 'TCP' },
                { containerPort: 9443, name: 'webhook-server', protocol: 'TCP' },
              ],
              resources: v.resources,
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
              volumeMounts: [
                { mountPath: '/controller_manager_config.yaml', name: 'manager-config', subPath: 'controller_manager_config.yaml' },
                { mountPath: '/tmp/k8s-webhook-server/serving-certs', name: 'cert', readOnly: true },
              ],
            },
          ],
          ...podScheduling(v),
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          serviceAccountName: SA,
          terminationGracePeriodSeconds: 10,
          volumes: [
            { name: 'manager-config', configMap: { name: `${NAME}-manager-config` } },
            { name: 'cert', secret: { defaultMode: 420, secretName: `${NAME}-webhook-server-cert` } },
          ],
        },
      },
    },
  });
}

function webhooks(scope: Construct, ns: string): void {
  const hook = (name: string, path: string, rule: k8s.RuleWithOperations, pods: boolean) => ({
    admissionReviewVersions: ['v1'],
    clientConfig: { service: { name: JOBSET_WEBHOOK_SERVICE, namespace: ns, path } },
    failurePolicy: 'Fail',
    name,
    ...(pods ? { objectSelector: { matchExpressions: [{ key: 'jobset.sigs.k8s.io/jobset-name', operator: 'Exists' }] } } : {}),
    rules: [rule],
    sideEffects: 'None',
  });
  const jobsets = (operations: string[]) => ({
    apiGroups: ['jobset.x-k8s.io'],
    apiVersions: ['v1alpha2'],
    operations,
    resources: ['jobsets'],
  });
  const pods = { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] };
  new k8s.KubeMutatingWebhookConfiguration(scope, 'mutating-webhook', {
    metadata: { name: `${NAME}-mutating-webhook-configuration` },
    webhooks: [
      hook('mjobset.kb.io', '/mutate-jobset-x-k8s-io-v1alpha2-jobset', jobsets(['CREATE']), false),
      hook('mpod.kb.io', '/mutate--v1-pod', pods, true),
    ],
  });
  new k8s.KubeValidatingWebhookConfiguration(scope, 'validating-webhook', {
    metadata: { name: `${NAME}-validating-webhook-configuration` },
    webhooks: [
      hook('vjobset.kb.io', '/validate-jobset-x-k8s-io-v1alpha2-jobset', jobsets(['CREATE', 'UPDATE']), false),
      hook('vpod.kb.io', '/validate--v1-pod', pods, true),
    ],
  });
}
