import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

const CONFIG_MAPS = [
  'autoscaler',
  'certmanager',
  'defaults',
  'deployment',
  'domain',
  'features',
  'gc',
  'istio',
  'leader-election',
  'logging',
  'network',
  'observability',
  'tracing',
];

export const info: ComponentInfo<typeof values> = {
  name: 'knative-serving',
  description:
    "Knative Serving with net-istio (Kubeflow's gateways overlay): serverless revisions, request-driven autoscaling and scale to zero for KServe. Its config ConfigMaps are typed values.",
  appVersion: 'v1.21.1',
  values,
  deviations: CONFIG_MAPS.map((cm) => ({
    object: `ConfigMap/config-${cm}`,
    reason:
      "Its `_example` block is generated from this chart's value documentation (each key with the value that sets it and Knative's default) instead of " +
      "upstream's documentation prose, so the `knative.dev/example-checksum` annotation is the checksum of our text. The keys Knative reads are the same" +
      (cm === 'istio'
        ? " (upstream's config-istio has no checksum annotation; ours has one, which Knative's config webhook accepts)."
        : '.'),
  })),
  parityMinimum: {
    share: 0.8,
    reason: "The 13 config ConfigMaps carry our own `_example` documentation (see the deviations); every other object is upstream's.",
  },
  rbacWildcards: [
    {
      role: 'ClusterRole/knative-serving-core',
      reason: 'The controller manages every resource of its own API groups (resources `*`), as upstream.',
    },
    {
      role: 'ClusterRole/knative-serving-namespaced-admin',
      reason: 'Aggregated admin role over Knative Serving resources (verbs and resources `*`), as upstream.',
    },
    {
      role: 'ClusterRole/knative-serving-namespaced-edit',
      reason: 'Aggregated edit role over Knative Serving resources (resources `*`), as upstream.',
    },
    {
      role: 'ClusterRole/knative-serving-namespaced-view',
      reason: 'Aggregated view role over Knative Serving resources (resources `*`), as upstream.',
    },
  ],
  // the knative-local-gateway Service fronts the cluster-local-gateway pods; net-istio programs Istio
  requires: ['istio-install', 'cluster-local-gateway'],
  keywords: ['serving', 'knative', 'serverless', 'autoscaling'],
};
