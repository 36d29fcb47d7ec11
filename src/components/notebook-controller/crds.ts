import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, resourceSchema, type CrdSchema } from '../../core/crd/index.js';
import { controllerGenStamp } from '../../lib/kubebuilder.js';

// No descriptions, as upstream ships it: three versions of a whole PodSpec with them would pass
// the 256 KiB annotation that client-side `kubectl apply` stores, and bloat the Helm release.
const quiet = { descriptions: false } as const;

/** The Notebook's pod: a full PodSpec with at least one container that names its image. */
function notebookPodSpec(): CrdSchema {
  const podSpec = prop.k8s('PodSpec', quiet);
  const containers = podSpec.properties!.containers!;
  // Upstream's validation patch: the first container is the notebook server, so it must exist and name an image.
  podSpec.properties!.containers = { ...containers, minItems: 1, items: { ...containers.items!, required: ['name', 'image'] } };
  return podSpec;
}

/** The notebook pod's conditions, as the controller mirrors them. */
const notebookCondition = prop.object(
  {
    type: prop.string(),
    status: prop.string(),
    reason: prop.string(),
    message: prop.string(),
    lastProbeTime: prop.dateTime(),
    lastTransitionTime: prop.dateTime(),
  },
  { required: ['status', 'type'] },
);

// Status types are not in the cdk8s-plus-33 assembly (it describes what objects accept, not what they report).
const containerState = prop.object({
  running: prop.object({ startedAt: prop.dateTime() }),
  terminated: prop.object(
    {
      containerID: prop.string(),
      exitCode: prop.int32(),
      finishedAt: prop.dateTime(),
      message: prop.string(),
      reason: prop.string(),
      signal: prop.int32(),
      startedAt: prop.dateTime(),
    },
    { required: ['exitCode'] },
  ),
  waiting: prop.object({ message: prop.string(), reason: prop.string() }),
});

/** Every served version has the same schema; the controller converts nothing (strategy None). */
const notebookSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object({ template: prop.object({ spec: notebookPodSpec() }) }),
    status: prop.object(
      {
        conditions: prop.array(notebookCondition),
        containerState,
        readyReplicas: prop.int32(),
      },
      { required: ['conditions', 'containerState', 'readyReplicas'] },
    ),
  });

/** Notebook (kubeflow.org): a notebook server's pod template; v1 is stored, v1alpha1 and v1beta1 still served. */
export function notebookCrd(scope: Construct, labels: Record<string, string>): CustomResourceDefinition {
  const schema = notebookSchema();
  const version = (name: string, storage: boolean) => ({ name, storage, schema, subresources: { status: true } });
  return controllerGenStamp(
    new CustomResourceDefinition(scope, 'notebooks', {
      group: 'kubeflow.org',
      kind: 'Notebook',
      scope: 'Namespaced',
      labels,
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.8.0' },
      conversion: { strategy: 'None' },
      preserveUnknownFields: false,
      versions: [version('v1', true), version('v1alpha1', false), version('v1beta1', false)],
    }),
  );
}
