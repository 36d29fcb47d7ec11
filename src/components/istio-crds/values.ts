import { s } from '../../core/schema.js';
import { v } from '../../core/values.js';

/** Values of Istio's `base` chart at its own paths; defaults = what Kubeflow's istio-crds installs (the CRDs only). */
const base = v.upstream(
  "Values of Istio's `base` chart (https://istio-release.storage.googleapis.com/charts, see its README). The keys below are typed with Kubeflow's settings as defaults; any other key of the chart passes through to it (the chart ships no values schema).",
  {
    global: v.group("Istio's global values of the base chart.", {
      resourceScope: v.oneOf(
        ['all', 'cluster', 'namespace'] as const,
        'cluster',
        'Which objects the chart renders: `cluster` = the CRDs (and the default-revision webhook when `defaultRevision` is set), `namespace` = the reader ServiceAccount, `all` = both. Kubeflow installs the ServiceAccount with istio-install.',
      ),
      istioNamespace: v.dnsLabel('istio-system', 'Namespace of the Istio control plane.'),
    }),
    defaultRevision: v.dnsLabel(
      '',
      'Revision whose validating webhook becomes the cluster default (`istiod-default-validator`); empty for none, as Kubeflow installs it.',
      { optional: true },
    ),
    base: v.group('The CRDs.', {
      excludedCRDs: v.list<string>([], 'Names of Istio CRDs not to install (`<plural>.<group>`).', s.subdomain()),
      enableIstioConfigCRDs: v.bool(true, 'Install the Istio configuration CRDs (networking, security, telemetry, extensions).'),
    }),
  },
);

export const values = {
  base,
};
