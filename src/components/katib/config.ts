import { Document } from 'yaml';
import { eq, opt } from '../../core/conditions.js';
import { structuredText } from '../../core/value-text.js';
import { concreteAccess, defaultsOf, type Access, type Group } from '../../core/values.js';
import { values } from './values.js';

type Values = Access<Group<typeof values>>;
export const WEBHOOK_PORT = 8443;

/** katib-config.yaml (config.kubeflow.org/v1beta1 KatibConfig), from the values. */
export function katibConfig(v: Values): Record<string, unknown> {
  return {
    apiVersion: 'config.kubeflow.org/v1beta1',
    kind: 'KatibConfig',
    init: {
      certGenerator: opt(eq(v.certificates, 'controller'), { enable: true }),
      controller: {
        webhookPort: WEBHOOK_PORT,
        enableLeaderElection: opt(v.controller.leaderElection, true),
        trialResources: v.config.trialResources,
      },
    },
    runtime: {
      metricsCollectors: v.config.metricsCollectors,
      suggestions: v.config.suggestions,
      earlyStoppings: v.config.earlyStoppings,
    },
  };
}

/** A block-style YAML document (lists indented under their key). */
export const layout = (x: unknown): string => new Document(x).toString({ lineWidth: 0 });

const defaults = concreteAccess(values, defaultsOf(values), {}) as Values;
const defaultConfig = katibConfig(defaults);

/**
 * The config file: a YAML document while it equals the default configuration, otherwise indented
 * JSON (valid YAML) that the chart and concrete synthesis print identically; every value is
 * encoded by the serializer, so no value can add keys or documents to the file.
 */
export const katibConfigText = (v: Values): string =>
  structuredText(katibConfig(v), { indent: 2, defaultValue: defaultConfig, defaultText: `---\n${layout(defaultConfig)}` });

// ---- trial templates ----

const trialParameter = (name: string) => `\${trialParameters.${name}}`;
const mnist = (epochs: string[]) => [
  'python3',
  '/opt/pytorch-mnist/mnist.py',
  '--epochs=1',
  ...epochs,
  `--lr=${trialParameter('learningRate')}`,
  `--momentum=${trialParameter('momentum')}`,
];

/** The three trial templates Katib's examples use, with the training container's resources from the values. */
export function trialTemplates(v: Values): Record<string, Record<string, unknown>> {
  const t = v.trialTemplates;
  const container = (name: string, image: string, command: string[]) => ({ name, image, command, resources: t.resources });
  const pytorchReplica = (replicas: number) => ({
    replicas,
    restartPolicy: 'OnFailure',
    template: { spec: { containers: [container('pytorch', t.mnistImage.ref, mnist([]))] } },
  });
  return {
    'defaultTrialTemplate.yaml': {
      apiVersion: 'batch/v1',
      kind: 'Job',
      spec: {
        template: {
          spec: { containers: [container('training-container', t.mnistImage.ref, mnist(['--batch-size=16']))], restartPolicy: 'Never' },
        },
      },
    },
    enasCPUTemplate: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      spec: {
        template: {
          spec: {
            containers: [
              container('training-container', t.enasImage.ref, [
                'python3',
                '-u',
                'RunTrial.py',
                '--num_epochs=1',
                `--architecture="${trialParameter('neuralNetworkArchitecture')}"`,
                `--nn_config="${trialParameter('neuralNetworkConfig')}"`,
              ]),
            ],
            restartPolicy: 'Never',
          },
        },
      },
    },
    pytorchJobTemplate: {
      apiVersion: 'kubeflow.org/v1',
      kind: 'PyTorchJob',
      spec: { pytorchReplicaSpecs: { Master: pytorchReplica(1), Worker: pytorchReplica(2) } },
    },
  };
}

const defaultTemplates = trialTemplates(defaults);

/** The ConfigMap data: each template as YAML while it is the default, as indented JSON otherwise. */
export function trialTemplatesData(v: Values): Record<string, string> {
  const templates = trialTemplates(v);
  return Object.fromEntries(
    Object.entries(templates).map(([k, x]) => [
      k,
      structuredText(x, { indent: 2, defaultValue: defaultTemplates[k], defaultText: layout(defaultTemplates[k]) }),
    ]),
  );
}
