import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, resourceSchema } from '../../core/crd/index.js';
import { controllerGenStamp } from '../../lib/kubebuilder.js';

const spec = prop.object(
  {
    logspath: prop.string(
      'Where the event logs are: `pvc://<claim>/<path>` for a volume in the namespace, or an object-store URL such as `gs://…` or `s3://…`.',
    ),
  },
  { description: 'What the Tensorboard server reads.', required: ['logspath'] },
);

const status = prop.object(
  {
    conditions: prop.array(
      prop.object(
        {
          deploymentState: prop.string("State of the server's Deployment: Available, Progressing or ReplicaFailure."),
          lastProbeTime: prop.dateTime('When the controller last observed the Deployment.'),
        },
        { description: "One observation of the server's Deployment.", required: ['deploymentState'] },
      ),
      "Observations of the server's Deployment, latest last.",
    ),
    readyReplicas: prop.int32('Tensorboard servers ready to accept connections (0 or 1).'),
  },
  { description: 'What the controller observed.', required: ['conditions', 'readyReplicas'] },
);

/** Tensorboard (tensorboard.kubeflow.org/v1alpha1): a Tensorboard server for a log location, reachable through Istio. */
export function tensorboardCrd(scope: Construct, labels: Record<string, string>): CustomResourceDefinition {
  return controllerGenStamp(
    new CustomResourceDefinition(scope, 'tensorboards', {
      group: 'tensorboard.kubeflow.org',
      kind: 'Tensorboard',
      scope: 'Namespaced',
      labels,
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.8.0' },
      versions: [
        {
          name: 'v1alpha1',
          storage: true,
          subresources: { status: true },
          schema: resourceSchema({ description: 'A Tensorboard server that shows the event logs at `spec.logspath`.', spec, status }),
        },
      ],
    }),
  );
}
