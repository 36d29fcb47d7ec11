import { s } from '../../core/schema.js';
import { v } from '../../core/values.js';
import { istioHub, istioTag } from '../../lib/istio-charts.js';

/** Values of Istio's `cni` chart at its own paths; defaults = the istio-cni part of Kubeflow's istio-install. */
const cni = v.upstream(
  "Values of Istio's `cni` chart (the istio-cni node agent). Typed keys carry Kubeflow's settings; any other key of the chart passes through (the chart ships no values schema).",
  {
    global: v.group("Istio's global values of the cni chart.", {
      hub: istioHub(),
      tag: istioTag(),
      resourceScope: v.oneOf(
        ['all', 'cluster', 'namespace'] as const,
        'all',
        'Which objects the chart renders: `all`; `cluster` = only the ClusterRoles and their bindings (no node agent, what the `insecure` preset keeps); `namespace` = only the node agent with its ConfigMap and ServiceAccount.',
      ),
    }),
    cniBinDir: v.str('/opt/cni/bin', 'Host directory of CNI binaries (`/home/kubernetes/bin` on GKE).', s.absolutePath()),
    ambient: v.group('Ambient mode redirection.', {
      enabled: v.bool(false, "Redirect ambient pods to ztunnel (with istio-install's `ztunnel.enabled`)."),
    }),
  },
);

export const values = {
  cni,
};
