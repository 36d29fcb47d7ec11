import type { ComponentInfo } from '../../core/component.js';
import { TRAINJOB_RESOURCE, defaultTrialResources, values } from './values.js';

const withoutTrainJob = defaultTrialResources.filter((r) => r !== TRAINJOB_RESOURCE);
/** What upstream's standalone installs share: own namespace, Katib's cert generator, no Kubeflow UI integration. */
const standalone = {
  createNamespace: true,
  kubeflowRoles: false,
  certificates: 'controller',
  ui: { auth: false, istio: { enabled: false } },
} as const;

export const info: ComponentInfo<typeof values> = {
  name: 'katib',
  description:
    'Katib: hyperparameter tuning, early stopping and neural architecture search for Kubeflow (Experiments, Trials, Suggestions), with its UI and database.',
  appVersion: 'v0.19.0',
  values,
  keywords: ['automl', 'hyperparameter-tuning', 'katib'],
  // The UI is a Kubeflow app: the dashboard links it, profiles give users their namespaces and
  // rights, the gateway routes it; cert-manager issues the webhook certificate.
  requires: ['centraldashboard', 'profiles', 'kubeflow-istio-resources', 'cert-manager'],
  deviations: [
    {
      object: 'ConfigMap/katib-config',
      reason:
        "katib-config.yaml is generated from typed values (same document; upstream's layout while the values are the defaults, indented JSON otherwise).",
    },
    {
      object: 'ConfigMap/trial-templates',
      reason:
        "The trial templates are generated from typed values (same documents, without upstream's quoting), so the training container's resources are a value.",
    },
  ],
  rbacWildcards: [
    {
      role: 'ClusterRole/katib-controller',
      reason: 'The controller owns Experiments, Trials and Suggestions and their status/finalizers (verbs *), as upstream.',
    },
    {
      role: 'ClusterRole/katib-ui',
      reason: 'The UI creates and deletes Experiments and reads ConfigMaps (trial templates) and namespaces (verbs *), as upstream.',
    },
    { role: 'Role/leader-election', reason: "Leader election Leases (verbs *), as upstream's leader-election overlay." },
  ],
  securityExceptions: [
    {
      workload: 'Deployment/katib-postgres',
      reason:
        "Upstream's PostgreSQL (postgres-alpine) runs as its image's users with no security context; it needs root to initialise the data directory.",
    },
  ],
  presets: {
    standalone: {
      description:
        'Katib on its own in the `kubeflow` namespace, with its own webhook certificates and no Kubeflow UI integration (upstream installs/katib-standalone).',
      values: standalone,
    },
    'standalone-postgres': {
      description: 'Standalone Katib storing in a bundled PostgreSQL (upstream installs/katib-standalone-postgres).',
      values: { ...standalone, database: { type: 'postgres' }, config: { trialResources: withoutTrainJob } },
    },
    'cert-manager': {
      description: 'Standalone Katib whose webhook certificate cert-manager issues (upstream installs/katib-cert-manager).',
      values: { ...standalone, certificates: 'cert-manager' },
    },
    'external-db': {
      description:
        'Standalone Katib storing in an external MySQL: set `database.external.*` or `database.external.existingSecret` (upstream installs/katib-external-db).',
      values: { ...standalone, database: { type: 'external' }, config: { trialResources: withoutTrainJob } },
    },
    'leader-election': {
      description: 'Standalone Katib with two controller replicas and leader election (upstream installs/katib-leader-election).',
      values: { ...standalone, controller: { replicas: 2, leaderElection: true }, config: { trialResources: withoutTrainJob } },
    },
  },
};
