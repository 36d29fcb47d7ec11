import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'spark-operator',
  description:
    "Kubeflow Spark operator: the upstream spark-operator chart with Kubeflow's settings (every namespace, webhook on 9443, no sidecars), plus the ClusterRoles aggregated into kubeflow-admin/edit/view.",
  appVersion: '2.5.0',
  values,
  keywords: ['spark', 'operator'],
  release: { name: 'spark-operator', namespace: 'kubeflow', setNamespace: true },
  upstreamCharts: [
    {
      name: 'spark-operator',
      version: '2.5.0',
      repository: 'https://kubeflow.github.io/spark-operator',
      alias: 'spark-operator',
      crdsFolder: true,
      imageRegistries: ['image.registry', 'hook.image.registry'],
    },
  ],
  presets: {
    standalone: {
      description: 'Standalone install (upstream overlays/standalone): the same objects as in the platform.',
      values: {},
    },
  },
};
