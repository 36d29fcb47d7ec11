import { IMAGE_HUB_PATTERN, s } from '../../core/schema.js';
import { v } from '../../core/values.js';

const noSidecar = { 'sidecar.istio.io/inject': 'false' };

/** The registry of one of the chart's images (the chart's default), so `global.imageRegistry` can replace it. */
const registry = (what: string) =>
  v.group(`The ${what} image.`, {
    registry: v.str('ghcr.io', `Registry of the ${what} image; \`global.imageRegistry\` replaces it.`, {
      minLength: 1,
      pattern: IMAGE_HUB_PATTERN(),
    }),
  });

/** Values of the upstream `spark-operator` chart at its own paths; defaults = Kubeflow 26.03's. */
const upstream = v.upstream(
  "Values of the upstream spark-operator chart (https://kubeflow.github.io/spark-operator, see its README). The keys below are typed with Kubeflow's settings as defaults; any other key of the chart passes through to it.",
  {
    image: registry('operator'),
    hook: v.group('The pre-upgrade hook job of the chart.', { image: registry('hook (kubectl)') }),
    spark: v.group('Where Spark applications run.', {
      jobNamespaces: v.list<string>(
        [''],
        'Namespaces whose SparkApplications the operator manages; `[""]` = every namespace (Kubeflow profiles), as Kubeflow sets it.',
        s.orEmpty(s.dnsLabel()),
      ),
    }),
    controller: v.group("The operator's controller.", {
      replicas: v.int(1, 'Replicas of the controller.', { minimum: 0 }),
      labels: v.labelMap(noSidecar, 'Labels of the controller pods (no Istio sidecar).'),
      resources: v.resources({}, 'Resources of the controller container.'),
    }),
    webhook: v.group("The operator's admission webhook.", {
      enable: v.bool(true, 'Run the webhook (pod customization: volumes, tolerations, …).'),
      port: v.port(9443, 'Port the webhook serves on.'),
      replicas: v.int(1, 'Replicas of the webhook.', { minimum: 0 }),
      labels: v.labelMap(noSidecar, 'Labels of the webhook pods (no Istio sidecar).'),
      resources: v.resources({}, 'Resources of the webhook container.'),
    }),
  },
);

export const values = {
  aggregatedRoles: v.group(
    "ClusterRoles aggregated into Kubeflow's kubeflow-admin/edit/view roles, so profile members can manage Spark applications.",
    {
      enabled: v.bool(true, 'Create kubeflow-spark-admin, kubeflow-spark-edit and kubeflow-spark-view.'),
    },
  ),
  'spark-operator': upstream,
};
