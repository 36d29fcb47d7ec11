import { scheduling } from '../../lib/k8s-values.js';
import { s } from '../../core/schema.js';
import { v } from '../../core/values.js';

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the webhook.'),
  image: v.image(
    { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/poddefaults-webhook', tag: 'v1.10.0', pullPolicy: undefined },
    'PodDefaults webhook image. `pullPolicy` unset leaves the Kubernetes default (upstream sets none).',
  ),
  replicas: v.nullable<number>(null, 'Webhook replicas; null leaves the field out (Kubernetes starts one).', {
    type: ['integer', 'null'],
    minimum: 1,
  }),
  resources: v.resources({}, 'Resources of the webhook container.'),
  ...scheduling(),
  clusterDomain: v.subdomain('cluster.local', "Cluster DNS domain, used in the certificate's DNS names."),
  certificate: v.group("The webhook's serving certificate, issued by cert-manager.", {
    secretName: v.subdomain('webhook-certs', 'Secret cert-manager writes the certificate to (mounted by the webhook).'),
    duration: v.str('', "Certificate lifetime (e.g. `2160h`); empty leaves cert-manager's default.", s.orEmpty(s.duration())),
    renewBefore: v.str('', "Renew this long before expiry (e.g. `360h`); empty leaves cert-manager's default.", s.orEmpty(s.duration())),
    issuer: v.group('Issuer of the certificate.', {
      create: v.bool(true, 'Create a self-signed Issuer for the webhook (upstream). False: use the issuer named below.'),
      kind: v.oneOf(['Issuer', 'ClusterIssuer'], 'Issuer', 'Kind of the issuer the certificate refers to.'),
      name: v.subdomain('admission-webhook-selfsigned-issuer', 'Name of the issuer the certificate refers to (and of the one created).'),
    }),
  }),
  webhook: v.group('The MutatingWebhookConfiguration.', {
    failurePolicy: v.oneOf(['Fail', 'Ignore'], 'Fail', 'What the API server does when the webhook cannot be reached.'),
    namespaceSelector: v.labelMap(
      { 'app.kubernetes.io/part-of': 'kubeflow-profile' },
      'Labels of the namespaces whose pods the webhook mutates (profile namespaces by default).',
    ),
    timeoutSeconds: v.nullable<number>(null, 'Webhook call timeout (1–30 s); null leaves the API server default (10 s).', {
      type: ['integer', 'null'],
      minimum: 1,
      maximum: 30,
    }),
  }),
  crds: v.group('The PodDefault CustomResourceDefinition.', {
    install: v.bool(true, 'Install the PodDefault CRD with the chart (kept on uninstall).'),
  }),
};
