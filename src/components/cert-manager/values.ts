import { IMAGE_HUB_PATTERN } from '../../core/schema.js';
import { v } from '../../core/values.js';

export const podSecurityLevels = ['privileged', 'baseline', 'restricted'] as const;

/** An image of the chart by its repository (`registry/path`, the chart's default), so `global.imageRegistry` can move it. */
const image = (name: string, what: string) =>
  v.group(`The ${what} image.`, {
    repository: v.str(
      `quay.io/jetstack/${name}`,
      `Registry and path of the ${what} image (the tag is the chart's version); \`global.imageRegistry\` replaces its registry.`,
      { minLength: 1, pattern: IMAGE_HUB_PATTERN() },
    ),
  });

/** Values of the upstream `cert-manager` chart at its own paths; defaults = Kubeflow's static install. */
const upstream = v.upstream(
  "Values of the upstream cert-manager chart (https://charts.jetstack.io, see its README). The keys below are typed with Kubeflow's settings as defaults; any other key of the chart passes through and is validated by the chart's own schema.",
  {
    crds: v.group('The cert-manager CustomResourceDefinitions.', {
      enabled: v.bool(true, 'Install the CRDs with the chart (Kubeflow installs them with cert-manager).'),
      keep: v.bool(true, 'Keep the CRDs (and so every Certificate and Issuer) when the release is uninstalled.'),
    }),
    creator: v.oneOf(
      ['helm', 'static'] as const,
      'static',
      "Value of the `app.kubernetes.io/managed-by` label the chart writes; `static` reproduces upstream's release manifest that Kubeflow installs.",
    ),
    image: image('cert-manager-controller', 'controller'),
    replicaCount: v.int(1, 'Replicas of the cert-manager controller.', { minimum: 0 }),
    resources: v.resources({}, 'Resources of the controller container (requests/limits).'),
    startupapicheck: v.group('The post-install job that waits for the API (off: Kubeflow installs without hooks).', {
      enabled: v.bool(false, 'Run the startup API check job.'),
      image: image('cert-manager-startupapicheck', 'startup API check'),
    }),
    webhook: v.group('The cert-manager admission webhook.', {
      image: image('cert-manager-webhook', 'webhook'),
      replicaCount: v.int(1, 'Replicas of the webhook.', { minimum: 0 }),
      securePort: v.port(10250, 'Port the webhook serves on; the `cert-manager-webhook` NetworkPolicy opens it.'),
    }),
    cainjector: v.group('The CA injector.', {
      enabled: v.bool(true, 'Run the CA injector (fills caBundle of webhooks and CRDs from Certificates).'),
      image: image('cert-manager-cainjector', 'CA injector'),
      replicaCount: v.int(1, 'Replicas of the CA injector.', { minimum: 0 }),
    }),
    acmesolver: v.group('The pods cert-manager starts to solve ACME HTTP-01 challenges.', {
      image: image('cert-manager-acmesolver', 'ACME solver'),
    }),
  },
);

export const values = {
  namespace: v.dnsLabel(
    'cert-manager',
    'Namespace of cert-manager, created by this chart; install the release into it (`-n cert-manager`).',
  ),
  podSecurity: v.oneOf(
    podSecurityLevels,
    'restricted',
    'Pod Security Standard enforced on the namespace (`pod-security.kubernetes.io/enforce`).',
  ),
  selfSigningIssuer: v.group("The cluster-wide self-signing issuer Kubeflow's webhooks take their certificates from.", {
    enabled: v.bool(true, 'Create the ClusterIssuer.'),
    name: v.subdomain('kubeflow-self-signing-issuer', 'Name of the ClusterIssuer (Kubeflow components reference it by this name).'),
  }),
  networkPolicies: v.group('Ingress NetworkPolicies of the cert-manager namespace.', {
    enabled: v.bool(true, 'Allow traffic within the namespace and to the webhook port from anywhere (the API server).'),
  }),
  'cert-manager': upstream,
};
