import type { ComponentInfo } from '../../core/component.js';
import { istioChart, ISTIO_VERSION } from '../../lib/istio-charts.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'istio-crds',
  description:
    "Istio's CustomResourceDefinitions from Istio's upstream `base` chart 1.29.0, kept on `helm uninstall` like every CRD of the project: the base chart cannot annotate them, so this chart renders them from the base chart's own template (Helm's `.Subcharts` and `include`, tested with Helm 3.17 and 4.1) and adds `helm.sh/resource-policy: keep`. The Kustomize base inflates the base chart with its CRDs on.",
  appVersion: ISTIO_VERSION,
  values,
  keywords: ['istio', 'crds'],
  release: { name: 'istio-base', namespace: 'istio-system' },
  upstreamCharts: [istioChart('base', { keepCrds: { template: 'templates/crds.yaml', on: { global: { resourceScope: 'cluster' } } } })],
  deviations: [
    {
      object: 'metadata.labels of the CRDs',
      reason:
        "The `base` chart replaces the CRDs' static labels with its templated Istio labels (app.kubernetes.io/*, helm.sh/chart, istio.io/rev); Kubeflow 26.03 applies the static file. Schemas are the same.",
    },
  ],
};
