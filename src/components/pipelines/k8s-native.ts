import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import type { IMutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import type { IValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
import type { Construct } from 'constructs';
import { obj } from './objects.js';
import type { Pipelines } from './pipelines.js';

export const WEBHOOK_CERT = 'kfp-api-webhook-cert';
const ISSUER = 'kfp-api-webhook-selfsigned-issuer';
const NAME = 'pipelineversions.pipelines.kubeflow.org';

/**
 * Kubernetes-native pipeline storage: the API server defaults and validates PipelineVersions through
 * its own admission webhooks (port 8443), with a self-signed cert-manager certificate.
 */
export function kubernetesNative(c: Pipelines, s: Construct): void {
  const ns = c.v.namespace;
  const host = 'ml-pipeline';
  obj<IIssuer>(s, 'issuer', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name: ISSUER, namespace: ns },
    spec: { selfSigned: {} },
  });
  obj<ICertificate>(s, 'certificate', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: WEBHOOK_CERT, namespace: ns },
    spec: {
      commonName: WEBHOOK_CERT,
      dnsNames: [host, `${host}.${ns}`, `${host}.${ns}.svc`, `${host}.${ns}.svc.${c.v.clusterDomain}`],
      isCA: true,
      issuerRef: { kind: 'Issuer', name: ISSUER },
      secretName: WEBHOOK_CERT,
    },
  });
  const webhook = (path: string) => [
    {
      admissionReviewVersions: ['v1'],
      clientConfig: { service: { name: host, namespace: ns, path, port: 8443 } },
      failurePolicy: 'Fail' as const,
      name: NAME,
      rules: [
        {
          apiGroups: ['pipelines.kubeflow.org'],
          apiVersions: ['v2beta1'],
          operations: ['CREATE' as const, 'UPDATE' as const],
          resources: ['pipelineversions'],
          scope: 'Namespaced' as const,
        },
      ],
      sideEffects: 'None' as const,
    },
  ];
  const metadata = { name: NAME, annotations: { 'cert-manager.io/inject-ca-from': `${ns}/${WEBHOOK_CERT}` } };
  obj<IMutatingWebhookConfiguration>(s, 'mutating-webhook', {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata,
    webhooks: webhook('/webhooks/mutate-pipelineversion'),
  });
  obj<IValidatingWebhookConfiguration>(s, 'validating-webhook', {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata,
    webhooks: webhook('/webhooks/validate-pipelineversion'),
  });
}
