import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { binder, LOCAL_MODEL_ROLES } from './rbac.js';
import { controlPlane, podNamespaceEnv, podSecurity, restricted } from './pods.js';

export interface LocalModelProps {
  readonly ns: string;
  readonly labels: Record<string, string>;
  readonly image: string;
  readonly pullPolicy: string;
  readonly resources: k8s.ResourceRequirements | undefined;
}

const CONTROLLER = 'kserve-localmodel-controller-manager';
const AGENT = 'kserve-localmodelnode-agent';

/** The local model cache controller and the account and role of its node agent. */
export function localModelController(scope: Construct, p: LocalModelProps): void {
  const { ns, labels } = p;
  for (const name of [CONTROLLER, AGENT]) {
    new k8s.KubeServiceAccount(scope, `${name}-sa`, {
      metadata: { name, namespace: ns, labels: { ...labels, 'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': name } },
    });
  }
  for (const [name, rules] of Object.entries(LOCAL_MODEL_ROLES))
    new k8s.KubeClusterRole(scope, name, { metadata: { name, labels }, rules });
  const bind = binder(scope, ns, labels);
  bind(
    'localmodel-manager-rolebinding',
    'kserve-localmodel-manager-rolebinding',
    'ClusterRole',
    'kserve-localmodel-manager-role',
    CONTROLLER,
  );
  bind(
    'localmodelnode-agent-rolebinding',
    'kserve-localmodelnode-agent-rolebinding',
    'ClusterRole',
    'kserve-localmodelnode-agent-role',
    AGENT,
  );

  const selector = controlPlane(CONTROLLER);
  new k8s.KubeDeployment(scope, 'localmodel-controller-manager', {
    metadata: { name: CONTROLLER, namespace: ns, labels: selector },
    spec: {
      selector: { matchLabels: selector },
      template: {
        metadata: { annotations: { 'kubectl.kubernetes.io/default-container': 'manager' }, labels: selector },
        spec: {
          containers: [
            {
              name: 'manager',
              image: p.image,
              imagePullPolicy: p.pullPolicy,
              command: ['/manager'],
              env: [podNamespaceEnv],
              resources: p.resources,
              securityContext: restricted,
            },
          ],
          securityContext: podSecurity,
          serviceAccountName: CONTROLLER,
          terminationGracePeriodSeconds: 10,
        },
      },
    },
  });
}
