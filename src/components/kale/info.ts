import type { ComponentInfo } from '../../core/component.js';
import { usage } from './usage.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'kale',
  description:
    'Kale (notebooks to Kubeflow Pipelines from JupyterLab): a PodDefault per profile namespace giving notebooks a Pipelines API token.',
  // the Kale release (PyPI kubeflow-kale) the PodDefault's KFP client environment targets
  appVersion: 'v0.7.0',
  values,
  upstream: null,
  home: 'https://github.com/kubeflow/kale',
  sources: ['https://github.com/kubeflow/kale'],
  maintainers: [{ name: 'kubeflow-cdk8s maintainers' }],
  umbrellaDefault: 'disabled',
  requires: ['jupyter-web-app', 'notebook-controller', 'admission-webhook', 'pipelines'],
  keywords: ['kale', 'notebooks', 'pipelines'],
  usage,
};
