import { Document } from 'yaml';
import { structuredText } from '../../core/value-text.js';
import { concreteAccess, defaultsOf, type Access, type Group } from '../../core/values.js';
import { values } from './values.js';

type Values = Access<Group<typeof values>>;
export const TRAINER = 'kubeflow-trainer';
export const WEBHOOK_SERVICE = `${TRAINER}-controller-manager`;
/** Lets the API server reach a webhook port past the Istio sidecar. */
export const EXCLUDE_INBOUND = 'traffic.sidecar.istio.io/excludeInboundPorts';
export const WEBHOOK_SECRET = `${TRAINER}-webhook-cert`;

/** The Trainer controller's Configuration (config.trainer.kubeflow.org/v1alpha1), from the values. */
export function trainerConfig(v: Values): Record<string, unknown> {
  const group = 'trainer.kubeflow.org';
  return {
    apiVersion: `config.${group}/v1alpha1`,
    kind: 'Configuration',
    health: { healthProbeBindAddress: ':8081', readinessEndpointName: 'readyz', livenessEndpointName: 'healthz' },
    metrics: { bindAddress: ':8443', secureServing: true },
    webhook: { port: 9443, host: '' },
    leaderElection: {
      leaderElect: true,
      resourceName: group,
      resourceNamespace: '',
      leaseDuration: '15s',
      renewDeadline: '10s',
      retryPeriod: '2s',
    },
    controller: {
      groupKindConcurrency: {
        [`TrainJob.${group}`]: v.manager.trainJobConcurrency,
        [`TrainingRuntime.${group}`]: 1,
        [`ClusterTrainingRuntime.${group}`]: 1,
      },
    },
    certManagement: { enable: true, webhookServiceName: WEBHOOK_SERVICE, webhookSecretName: WEBHOOK_SECRET },
    clientConnection: { qps: v.manager.clientConnection.qps, burst: v.manager.clientConnection.burst },
  };
}

/** Block-style YAML in the order the controller documents its fields. */
const layout = (x: Record<string, unknown>): string => new Document(x).toString({ lineWidth: 0 });

const defaultConfig = trainerConfig(concreteAccess(values, defaultsOf(values), {}) as Values);

/**
 * controller_manager_config.yaml: the YAML layout while the configuration equals the default,
 * otherwise indented JSON (valid YAML) that the chart and concrete synthesis print identically.
 * Numbers are the only values in it, so nothing a user types can change its structure.
 */
export const trainerConfigText = (v: Values): string =>
  structuredText(trainerConfig(v), { indent: 2, defaultValue: defaultConfig, defaultText: layout(defaultConfig) });

/** The JobSet controller's Configuration: leader election and its own webhook certificates. */
export const jobSetConfigText = (): string =>
  layout({
    apiVersion: 'config.jobset.x-k8s.io/v1alpha1',
    kind: 'Configuration',
    leaderElection: { leaderElect: true },
    internalCertManagement: { enable: true },
  });
