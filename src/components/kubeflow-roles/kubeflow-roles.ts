import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { spread } from '../../core/conditions.js';
import { aggregateTo, aggregating } from '../../lib/rbac.js';
import { info } from './info.js';
import { kubernetesRules } from './kubernetes-rules.js';
import type { values } from './values.js';

export type Level = 'admin' | 'edit' | 'view';

const LEVELS: Level[] = ['admin', 'edit', 'view'];

/**
 * The Kubeflow user roles profiles bind: kubeflow-admin ⊇ kubeflow-edit ⊇ kubeflow-view, each an
 * aggregation of `kubeflow-<app>-<level>` roles that applications contribute, plus the plain
 * Kubernetes permissions of each level.
 */
export class KubeflowRoles extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.kubeflowRoles();
    this.kubernetesRoles();
  }

  /** kubeflow-<level>: gathers the roles labelled for it, and itself joins the level above (view → edit → admin). */
  private kubeflowRoles(): void {
    const above: Record<Level, Record<string, string>> = {
      admin: {},
      edit: aggregateTo('kubeflow-admin'),
      view: aggregateTo('kubeflow-edit'),
    };
    for (const level of LEVELS) {
      const labels = above[level];
      new k8s.KubeClusterRole(this, level, {
        metadata: { name: `kubeflow-${level}`, ...(Object.keys(labels).length ? { labels } : {}) },
        aggregationRule: aggregating(`kubeflow-${level}`),
        rules: [],
      });
    }
  }

  /** kubeflow-kubernetes-<level>: the plain Kubernetes permissions of the level, with `extraRules.<level>` appended. */
  private kubernetesRoles(): void {
    const rules = kubernetesRules();
    for (const level of LEVELS) {
      new k8s.KubeClusterRole(this, `kubernetes-${level}`, {
        metadata: { name: `kubeflow-kubernetes-${level}`, labels: aggregateTo(`kubeflow-${level}`) },
        rules: [...rules[level], ...spread(this.v.extraRules[level])],
      });
    }
  }
}
