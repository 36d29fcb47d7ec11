import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { when } from '../../core/conditions.js';
import { late } from '../../core/stages.js';
import { jobSetCrd, trainerCrds } from './crds.js';
import { info } from './info.js';
import { JOBSET_WEBHOOK_SERVICE, jobSetController } from './jobset.js';
import { kubeflowRoles, trainerManager } from './manager.js';
import { clusterTrainingRuntimes } from './runtimes.js';
import type { values } from './values.js';

/**
 * Kubeflow Trainer v2 as the platform ships it: the Trainer controller (TrainJob → JobSet), the
 * JobSet controller it builds on, their CRDs and webhooks, Kubeflow's aggregated roles, and the
 * cluster training runtimes of `runtimes.list`.
 */
export class Trainer extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    when(this, 'standalone', v.createNamespace, (s) => {
      new k8s.KubeNamespace(s, 'namespace', { metadata: { name: v.namespace } });
    });
    when(this, 'crds', v.crds.install, (s) => {
      trainerCrds(s);
      jobSetCrd(s, v.namespace, JOBSET_WEBHOOK_SERVICE);
    });
    when(this, 'jobset', v.jobset.enabled, (s) => jobSetController(new Construct(s, 'jobset-controller'), this));
    when(this, 'manager', v.manager.enabled, (s) => trainerManager(new Construct(s, 'trainer-manager'), this));
    when(this, 'kubeflow-roles', v.kubeflowRoles, (s) => kubeflowRoles(s));
    // the runtimes go through the manager's validating webhook: applied once it runs (src/core/stages.ts)
    late(this, 'late', v.global.stage, (l) => when(l, 'runtimes', v.runtimes.enabled, (s) => clusterTrainingRuntimes(s, this)));
  }
}
