import type { Construct } from 'constructs';
import {
  ClusterTrainingRuntimeSpecMlPolicyMpiMpiImplementation as MpiImplementation,
  ClusterTrainingRuntimeSpecTemplateSpecSuccessPolicyOperator as SuccessOperator,
  type ClusterTrainingRuntimeSpec,
} from '../../../imports/trainer.kubeflow.org.js';
import { and, eq, nonEmpty, items, opt } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { forEach } from '../../core/foreach.js';
import type { Trainer } from './trainer.js';
import { runtimeItem } from './values.js';

/** ClusterTrainingRuntime (trainer.kubeflow.org/v1alpha1) with the spec typed by the generated binding. */
interface IClusterTrainingRuntime {
  apiVersion: 'trainer.kubeflow.org/v1alpha1';
  kind: 'ClusterTrainingRuntime';
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  spec: ClusterTrainingRuntimeSpec;
}
type Spec = ClusterTrainingRuntimeSpec;
type ReplicatedJob = NonNullable<NonNullable<NonNullable<Spec['template']>['spec']>['replicatedJobs']>[number];

const STEP = 'trainer.kubeflow.org/trainjob-ancestor-step';
const WORKSPACE = '/workspace';
const VOLUME = 'initializer';
/** The MPI runtime images run as this user, with sshd's keys below its home. */
const MPI_USER = 1000;
const MPI_HOME = '/home/mpiuser';

/** One replicated job whose pods run the given containers (and volumes). */
function job(name: string, step: string | undefined, spec: Record<string, unknown>, extra: Partial<ReplicatedJob> = {}): ReplicatedJob {
  return {
    ...extra,
    name,
    template: {
      ...(step ? { metadata: { labels: { [STEP]: step } } } : {}),
      spec: { template: { spec: spec as never } },
    },
  } as ReplicatedJob;
}

/**
 * One ClusterTrainingRuntime per entry of `runtimes.list`. `policy: torch` runs torchrun on the
 * node job, after (optionally) a dataset and a model initializer job that fill a PVC named like the
 * runtime; `policy: mpi` runs an OpenMPI launcher and sshd nodes.
 */
export function clusterTrainingRuntimes(scope: Construct, t: Trainer): void {
  const v = t.v.runtimes;
  forEach(
    scope,
    'runtime',
    v.list,
    runtimeItem,
    (r) => r.name,
    (s, r) => {
      const metadata = {
        name: r.name,
        namespace: opt(v.namespaceField, t.v.namespace),
        labels: { 'trainer.kubeflow.org/framework': r.framework },
      };
      const runtime = (id: string, spec: Spec) =>
        customObject<IClusterTrainingRuntime>(s, id, {
          apiVersion: 'trainer.kubeflow.org/v1alpha1',
          kind: 'ClusterTrainingRuntime',
          metadata,
          spec,
        });
      const mpi = eq(r.policy, 'mpi');
      // `when` cannot hold two objects of one name in concrete synthesis, so each policy is a field set of its own
      runtime('runtime', {
        mlPolicy: {
          numNodes: r.numNodes,
          mpi: opt(mpi, {
            mpiImplementation: MpiImplementation.OPEN_MPI,
            numProcPerNode: r.numProcPerNode as number,
            runLauncherAsNode: true,
            sshAuthMountPath: `${MPI_HOME}/.ssh`,
          }),
          torch: opt(eq(r.policy, 'torch'), { numProcPerNode: r.numProcPerNode as never }),
        },
        template: {
          spec: {
            network: opt(mpi, { publishNotReadyAddresses: true }),
            replicatedJobs: [...items(mpi, mpiJobs(r)), ...torchJobs(t, r, eq(r.policy, 'torch'))],
            successPolicy: opt(mpi, { operator: SuccessOperator.ALL, targetReplicatedJobs: ['launcher'] }),
          },
        },
      });
    },
  );
}

type Item = Parameters<Parameters<typeof forEach<typeof runtimeItem>>[5]>[1];

/** OpenMPI: the launcher runs mpirun (and is a node itself); the nodes run sshd for it. */
function mpiJobs(r: Item): ReplicatedJob[] {
  const securityContext = { runAsUser: MPI_USER };
  return [
    job('launcher', 'trainer', {
      containers: [{ name: 'node', image: r.image, command: r.command, args: r.args, resources: r.resources, securityContext }],
    }),
    job('node', undefined, {
      containers: [
        {
          name: 'node',
          image: r.image,
          command: ['/usr/sbin/sshd'],
          args: ['-De', '-f', `${MPI_HOME}/.sshd_config`],
          readinessProbe: { tcpSocket: { port: 2222 }, initialDelaySeconds: 5 },
          resources: r.resources,
          securityContext,
        },
      ],
    }),
  ];
}

/** torchrun on every node, after the initializers that download the dataset and the model. */
function torchJobs(t: Trainer, r: Item, torch: boolean): ReplicatedJob[] {
  const v = t.v.runtimes;
  // both initializers or none (the values schema requires both URIs once `initializers` is given)
  const init = and(torch, nonEmpty(r.initializers.dataset));
  const mounts = opt(init, [{ mountPath: WORKSPACE, name: VOLUME }]);
  const volumes = opt(init, [{ name: VOLUME, persistentVolumeClaim: { claimName: r.name } }]);
  const initializer = (kind: 'dataset' | 'model', image: string, uri: string) => {
    const name = `${kind}-initializer`;
    return job(name, name, {
      containers: [{ name, image, env: [{ name: 'STORAGE_URI', value: uri }], volumeMounts: [{ mountPath: WORKSPACE, name: VOLUME }] }],
      volumes: [{ name: VOLUME, persistentVolumeClaim: { claimName: r.name } }],
    });
  };
  return [
    ...items(init, [
      initializer('dataset', v.datasetInitializerImage.ref, r.initializers.dataset),
      initializer('model', v.modelInitializerImage.ref, r.initializers.model),
    ]),
    ...items(torch, [
      job(
        'node',
        'trainer',
        {
          containers: [{ name: 'node', image: r.image, command: r.command, args: r.args, resources: r.resources, volumeMounts: mounts }],
          volumes,
        },
        {
          dependsOn: opt(init, [
            { name: 'dataset-initializer', status: 'Complete' },
            { name: 'model-initializer', status: 'Complete' },
          ]) as ReplicatedJob['dependsOn'],
        },
      ),
    ]),
  ];
}
