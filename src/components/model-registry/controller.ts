import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { items, nonEmpty, opt, text } from '../../core/conditions.js';
import { healthProbes, leaderElectionRole, metricsReaderRole, proxyRole } from '../../lib/kubebuilder.js';
import { RBAC, type Context } from './context.js';

const PREFIX = 'controller';
const MANAGER = `${PREFIX}-controller-manager`;
const selector = { 'control-plane': 'controller-manager' };
/** Labels upstream's kubebuilder scaffold puts on some of its objects (managed-by included, as upstream ships it). */
const scaffold = { 'app.kubernetes.io/managed-by': 'kustomize', 'app.kubernetes.io/name': PREFIX };
const ALL = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** The controller that keeps KServe InferenceServices and their registry entries in step. */
export function controller(scope: Construct, c: Context): void {
  new k8s.KubeServiceAccount(scope, 'controller-service-account', { metadata: c.meta(MANAGER, scaffold) });
  leaderElectionRole(scope, 'controller-leader-election-role', c.meta(`${PREFIX}-leader-election-role`, scaffold));
  proxyRole(scope, 'controller-metrics-auth-role', { name: `${PREFIX}-metrics-auth-role` });
  metricsReaderRole(scope, 'controller-metrics-reader', { name: `${PREFIX}-metrics-reader` });
  new k8s.KubeClusterRole(scope, 'controller-manager-role', {
    metadata: { name: `${PREFIX}-model-registry-manager-role` },
    rules: [
      { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['serving.kserve.io'], resources: ['inferenceservices'], verbs: ['get', 'list', 'patch', 'update', 'watch'] },
      { apiGroups: ['serving.kserve.io'], resources: ['inferenceservices/finalizers'], verbs: ALL },
    ],
  });
  const subjects = [c.serviceAccount(MANAGER)];
  new k8s.KubeRoleBinding(scope, 'controller-leader-election-role-binding', {
    metadata: c.meta(`${PREFIX}-leader-election-rolebinding`, scaffold),
    roleRef: { apiGroup: RBAC, kind: 'Role', name: `${PREFIX}-leader-election-role` },
    subjects,
  });
  new k8s.KubeClusterRoleBinding(scope, 'controller-metrics-auth-role-binding', {
    metadata: { name: `${PREFIX}-metrics-auth-rolebinding` },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: `${PREFIX}-metrics-auth-role` },
    subjects,
  });
  new k8s.KubeClusterRoleBinding(scope, 'controller-manager-role-binding', {
    metadata: { name: `${PREFIX}-model-registry-manager-rolebinding`, labels: scaffold },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: `${PREFIX}-model-registry-manager-role` },
    subjects,
  });
  new k8s.KubeService(scope, 'controller-metrics-service', {
    metadata: c.meta(`${MANAGER}-metrics-service`, { ...scaffold, ...selector }),
    spec: { ports: [{ name: 'https', port: 8443, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(8443) }], selector },
  });
  new k8s.KubeDeployment(scope, 'controller-deployment', {
    metadata: c.meta(MANAGER, { ...scaffold, ...selector }),
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { annotations: { 'kubectl.kubernetes.io/default-container': 'manager' }, labels: selector },
        spec: {
          containers: [manager(c)],
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          serviceAccountName: MANAGER,
          terminationGracePeriodSeconds: 10,
        },
      },
    },
  });
}

function manager(c: Context): k8s.Container {
  const v = c.v.controller;
  const s = v.settings;
  const env: [string, string][] = [
    ['NAMESPACE_LABEL', s.namespaceLabel],
    ['NAME_LABEL', s.nameLabel],
    ['URL_ANNOTATION', s.urlAnnotation],
    ['INFERENCE_SERVICE_ID_LABEL', s.inferenceServiceIdLabel],
    ['MODEL_VERSION_ID_LABEL', s.modelVersionIdLabel],
    ['REGISTERED_MODEL_ID_LABEL', s.registeredModelIdLabel],
    ['FINALIZER', s.finalizer],
    ['SERVICE_ANNOTATION', s.serviceAnnotation],
    ['REGISTRIES_NAMESPACE', s.registriesNamespace],
    ['SKIP_TLS_VERIFY', text(s.skipTlsVerify)],
    ['INFERENCE_SERVICE_CONTROLLER', s.inferenceServiceController],
  ];
  return {
    name: 'manager',
    image: v.image.ref,
    imagePullPolicy: opt(nonEmpty(v.image.pullPolicy), v.image.pullPolicy),
    command: ['/manager'],
    args: ['--metrics-bind-address=:8443', ...items(v.leaderElect, ['--leader-elect']), '--health-probe-bind-address=:8081'],
    env: env.map(([name, value]) => ({ name, value })),
    ...healthProbes(15, 20),
    resources: v.resources,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
}
