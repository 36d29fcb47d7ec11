import { s } from '../../core/schema.js';
import { v } from '../../core/values.js';

/**
 * Values of Istio's `base` chart at its own paths; defaults = what Kubeflow's istio-crds installs (the
 * CRDs only). The chart cannot annotate its CRDs for `helm uninstall` to keep them, so this chart
 * renders them from the base chart's template itself (info.upstreamCharts `keepCrds`) and the base
 * chart renders nothing on its own.
 */
const base = v.upstream(
  "Values of Istio's `base` chart (https://istio-release.storage.googleapis.com/charts, see its README). The keys below are typed with Kubeflow's settings as defaults; any other key of the chart passes through to it (the chart ships no values schema).",
  {
    global: v.group("Istio's global values of the base chart.", {
      resourceScope: v.oneOf(
        ['none'] as const,
        'none',
        "What the base chart renders on its own: nothing. This chart renders Istio's CRDs from the base chart's template with `global.resourceScope=cluster` and adds `helm.sh/resource-policy: keep`, so `helm uninstall` leaves them (the Kustomize base inflates the chart with `cluster`). The chart's reader ServiceAccount belongs to istio-install.",
      ),
    }),
    defaultRevision: v.oneOf(
      [''] as const,
      '',
      "Empty: the validating webhook of a default revision (`istiod-default-validator`) is not part of Kubeflow's Istio (istiod validates with its own webhook, from istio-install).",
    ),
    base: v.group('The CRDs.', {
      excludedCRDs: v.list<string>([], 'Names of Istio CRDs not to install (`<plural>.<group>`).', s.subdomain()),
    }),
  },
);

export const values = {
  base,
};
