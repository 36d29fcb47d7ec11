import type { ComponentInfo } from '../../core/component.js';
import { istioChart, ISTIO_VERSION } from '../../lib/istio-charts.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'istio-crds',
  description: "Istio's CustomResourceDefinitions: Istio's upstream `base` chart 1.29.0 with cluster-scoped objects only.",
  appVersion: ISTIO_VERSION,
  values,
  keywords: ['istio', 'crds'],
  release: { name: 'istio-base', namespace: 'istio-system' },
  upstreamCharts: [istioChart('base')],
  deviations: [
    {
      object: 'metadata.labels of the CRDs',
      reason:
        "The `base` chart replaces the CRDs' static labels with its templated Istio labels (app.kubernetes.io/*, helm.sh/chart, istio.io/rev); Kubeflow 26.03 applies the static file. Schemas are the same.",
    },
  ],
};
