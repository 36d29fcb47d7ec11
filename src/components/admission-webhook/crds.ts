import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, resourceSchema } from '../../core/crd/index.js';

// Embedded Kubernetes types without their descriptions, as upstream ships this CRD: with them the
// CRD passes 256 KiB, the limit of the annotation client-side `kubectl apply` stores.
const quiet = { descriptions: false } as const;
const strings = prop.array(prop.string());
const stringMap = prop.map(prop.string());

/** PodDefault (kubeflow.org/v1alpha1): what the webhook merges into matching pods. */
export const podDefaultSpec = prop.object(
  {
    selector: prop.k8s('LabelSelector', { ...quiet, description: 'Pods (by label) the PodDefault applies to.' }),
    desc: prop.string('Text shown for this PodDefault in the notebook form.'),
    serviceAccountName: prop.string('Service account the pods run as.'),
    automountServiceAccountToken: prop.boolean('Whether the service account token is mounted.'),
    annotations: { ...stringMap, description: 'Annotations added to the pods.' },
    labels: { ...stringMap, description: 'Labels added to the pods.' },
    command: { ...strings, description: 'Replaces the command of the containers.' },
    args: { ...strings, description: 'Replaces the arguments of the containers.' },
    env: prop.k8sList('EnvVar', { ...quiet, description: 'Environment variables added to every container.' }),
    envFrom: prop.k8sList('EnvFromSource', { ...quiet, description: 'Sources of environment variables added to every container.' }),
    volumes: prop.k8sList('Volume', { ...quiet, description: 'Volumes added to the pods.' }),
    volumeMounts: prop.k8sList('VolumeMount', { ...quiet, description: 'Volume mounts added to every container.' }),
    tolerations: prop.k8sList('Toleration', { ...quiet, description: 'Tolerations added to the pods.' }),
    imagePullSecrets: prop.k8sList('LocalObjectReference', { ...quiet, description: 'Image pull secrets added to the pods.' }),
    initContainers: prop.k8sList('Container', { ...quiet, description: 'Init containers added to the pods.' }),
    sidecars: prop.k8sList('Container', { ...quiet, description: 'Containers added to the pods.' }),
  },
  { description: 'What to add to the pods the selector matches.', required: ['selector'] },
);

export function podDefaultCrd(scope: Construct, labels: Record<string, string>): CustomResourceDefinition {
  return new CustomResourceDefinition(scope, 'poddefaults', {
    group: 'kubeflow.org',
    kind: 'PodDefault',
    scope: 'Namespaced',
    labels,
    versions: [
      {
        name: 'v1alpha1',
        storage: true,
        schema: resourceSchema({
          description: 'PodDefault adds volumes, environment, labels and more to pods in its namespace at admission.',
          spec: podDefaultSpec,
          status: prop.object({}, 'Not used.'),
        }),
      },
    ],
  });
}
