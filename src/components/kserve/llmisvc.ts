import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { binder, LEASE_RULE, LLM_ROLE } from './rbac.js';
import { LLM_SERVICE, validatingWebhook, validator, webhookCertificate } from './webhooks.js';
import { certMount, certVolume, controlPlane, podNamespaceEnv, podSecurity, probe, restricted } from './pods.js';

const NAME = 'llmisvc-controller-manager';

export interface LlmIsvcProps {
  readonly ns: string;
  readonly labels: Record<string, string>;
  readonly image: string;
  readonly pullPolicy: string;
  readonly resources: k8s.ResourceRequirements | undefined;
}

/** The LLMInferenceService controller: its account, roles, Services, Deployment, certificate and webhook. */
export function llmInferenceServiceController(scope: Construct, p: LlmIsvcProps): void {
  const { ns, labels } = p;
  const selector = controlPlane(NAME);
  const withComponent = { ...selector, 'app.kubernetes.io/component': 'controller' };
  new k8s.KubeServiceAccount(scope, 'llmisvc-controller-manager-sa', {
    metadata: {
      name: NAME,
      namespace: ns,
      labels: { ...labels, 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': NAME },
    },
  });
  new k8s.KubeRole(scope, 'llmisvc-leader-election-role', {
    metadata: { name: 'llmisvc-leader-election-role', namespace: ns, labels },
    rules: [LEASE_RULE],
  });
  new k8s.KubeClusterRole(scope, 'llmisvc-manager-role', { metadata: { name: 'llmisvc-manager-role', labels }, rules: LLM_ROLE });
  const bind = binder(scope, ns, labels);
  bind('llmisvc-leader-election-rolebinding', 'llmisvc-leader-election-rolebinding', 'Role', 'llmisvc-leader-election-role', NAME);
  bind('llmisvc-manager-rolebinding', 'llmisvc-manager-rolebinding', 'ClusterRole', 'llmisvc-manager-role', NAME);

  new k8s.KubeService(scope, 'llmisvc-controller-manager-service', {
    metadata: { name: `${NAME}-service`, namespace: ns, labels: withComponent },
    spec: { ports: [{ name: 'https', port: 8443, protocol: 'TCP', targetPort: k8s.IntOrString.fromString('metrics') }], selector },
  });
  new k8s.KubeService(scope, 'llmisvc-webhook-server-service', {
    metadata: { name: LLM_SERVICE, namespace: ns, labels },
    spec: {
      ports: [{ port: 443, targetPort: k8s.IntOrString.fromString('webhook-server') }],
      selector: { ...labels, 'control-plane': NAME },
    },
  });
  new k8s.KubeDeployment(scope, 'llmisvc-controller-manager', {
    metadata: { name: NAME, namespace: ns, labels: withComponent },
    spec: {
      selector: { matchLabels: selector },
      template: {
        metadata: { annotations: { 'kubectl.kubernetes.io/default-container': 'manager' }, labels: withComponent },
        spec: {
          containers: [
            {
              name: 'manager',
              image: p.image,
              imagePullPolicy: p.pullPolicy,
              command: ['/manager'],
              args: ['--metrics-addr=127.0.0.1:8443', '--leader-elect'],
              env: [podNamespaceEnv],
              livenessProbe: probe('/healthz', { periodSeconds: 10 }),
              readinessProbe: probe('/readyz', { periodSeconds: 5 }),
              ports: [
                { containerPort: 9443, name: 'webhook-server', protocol: 'TCP' },
                { containerPort: 8443, name: 'metrics', protocol: 'TCP' },
              ],
              resources: p.resources,
              securityContext: { ...restricted, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
              volumeMounts: [certMount],
            },
          ],
          securityContext: podSecurity,
          serviceAccountName: NAME,
          terminationGracePeriodSeconds: 30,
          volumes: [certVolume('llmisvc-webhook-server-cert')],
        },
      },
    },
  });

  const w = { scope, ns, labels };
  webhookCertificate(w, 'llmisvc-serving-cert', LLM_SERVICE, 'llmisvc-webhook-server-cert');
  validatingWebhook(
    w,
    'llminferenceservice',
    validator('LLMInferenceService', 'v1alpha1', LLM_SERVICE, undefined, ['v1', 'v1beta1']),
    'llmisvc-serving-cert',
  );
}
