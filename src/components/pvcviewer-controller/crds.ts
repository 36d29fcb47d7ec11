import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, resourceSchema } from '../../core/crd/index.js';

// No descriptions, as upstream ships it: the embedded PodSpec with them would make the CRD several
// times larger than everything else in the chart.
const quiet = { descriptions: false } as const;

const spec = prop.object(
  {
    pvc: prop.string(),
    podSpec: prop.k8s('PodSpec', quiet),
    networking: prop.object({
      basePrefix: prop.string(),
      rewrite: prop.string(),
      targetPort: prop.intOrString(),
      timeout: prop.string(),
    }),
    rwoScheduling: prop.boolean({ default: false }),
  },
  { required: ['pvc', 'rwoScheduling'] },
);

// The viewer's Deployment conditions, copied by the controller (apps/v1 DeploymentCondition,
// which the cdk8s-plus-33 assembly does not describe: it holds only what objects accept).
const deploymentCondition = prop.object(
  {
    type: prop.string(),
    status: prop.string(),
    reason: prop.string(),
    message: prop.string(),
    lastTransitionTime: prop.dateTime(),
    lastUpdateTime: prop.dateTime(),
  },
  { required: ['status', 'type'] },
);

const status = prop.object(
  {
    conditions: prop.array(deploymentCondition),
    ready: prop.boolean({ default: false }),
    url: prop.string(),
  },
  { required: ['ready'] },
);

export interface PvcViewerCrdProps {
  labels: Record<string, string>;
  namespace: string;
  webhookService: string;
  /** Certificate whose CA cert-manager injects into the conversion webhook's client config. */
  certificate: string;
}

/** PVCViewer (kubeflow.org/v1alpha1): a file browser for one PVC, with its pod and routing. */
export function pvcViewerCrd(scope: Construct, p: PvcViewerCrdProps): CustomResourceDefinition {
  return new CustomResourceDefinition(scope, 'pvcviewers', {
    group: 'kubeflow.org',
    kind: 'PVCViewer',
    scope: 'Namespaced',
    labels: p.labels,
    annotations: {
      'cert-manager.io/inject-ca-from': `${p.namespace}/${p.certificate}`,
      'controller-gen.kubebuilder.io/version': 'v0.14.0',
    },
    // Upstream's kubebuilder scaffold enables the conversion webhook although only one version exists.
    conversion: {
      strategy: 'Webhook',
      webhook: {
        clientConfig: { service: { name: p.webhookService, namespace: p.namespace, path: '/convert' } },
        conversionReviewVersions: ['v1'],
      },
    },
    versions: [{ name: 'v1alpha1', storage: true, subresources: { status: true }, schema: resourceSchema({ spec, status }) }],
  });
}
