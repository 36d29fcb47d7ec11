import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'kserve',
  description: 'KServe model serving: InferenceService, LLMInferenceService and local model cache controllers, serving runtimes and CRDs.',
  appVersion: 'v0.16.0',
  values,
  keywords: ['kserve', 'serving', 'inference'],
  // Serverless mode (the default) needs Knative Serving and Istio; raw deployment mode needs neither.
  // Neither exists as a component of this branch yet, so only cert-manager's role is stated in the README.
  requires: [],
  deviations: [
    { object: 'ConfigMap/inferenceservice-config', reason: 'Every entry is a JSON document generated from typed values (sorted keys, two-space indent); upstream\'s `_example` entry (documentation prose) is left out.' },
    { object: 'CustomResourceDefinition/*', reason: 'Schemas are built with the CRD builder without descriptions: with them the 13 CRDs are 3.4 MB and the chart\'s stored release would not fit Helm\'s 1 MiB Secret. CEL validation rules of the embedded Gateway API HTTPRoute are left out.' },
  ],
  presets: {
    'raw-deployment': {
      description: 'InferenceServices as plain Deployments (RawDeployment): no Knative Serving or Istio needed.',
      values: { deploymentMode: 'RawDeployment' },
    },
  },
};
