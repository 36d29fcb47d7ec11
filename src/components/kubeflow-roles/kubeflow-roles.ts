import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { spread } from '../../core/conditions.js';
import { info } from './info.js';
import { kubernetesRules } from './kubernetes-rules.js';
import type { values } from './values.js';

export const AGGREGATE = 'rbac.authorization.kubeflow.org/aggregate-to-kubeflow';
export type Level = 'admin' | 'edit' | 'view';
/** Label that adds a ClusterRole's rules to `kubeflow-<level>`. */
export const aggregateTo = (level: Level) => ({ [`${AGGREGATE}-${level}`]: 'true' });
const aggregating = (selector: string) => ({ clusterRoleSelectors: [{ matchLabels: { [selector]: 'true' } }] });

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
    const above: Record<Level, Record<string, string>> = { admin: {}, edit: aggregateTo('admin'), view: aggregateTo('edit') };
    for (const level of LEVELS) {
      const labels = above[level];
      new k8s.KubeClusterRole(this, level, {
        metadata: { name: `kubeflow-${level}`, ...(Object.keys(labels).length ? { labels } : {}) },
        aggregationRule: aggregating(`${AGGREGATE}-${level}`),
        rules: [],
      });
    }
  }

  /** kubeflow-kubernetes-<level>: the plain Kubernetes permissions of the level, with `extraRules.<level>` appended. */
  private kubernetesRoles(): void {
    const rules = kubernetesRules();
    for (const level of LEVELS) {
      new k8s.KubeClusterRole(this, `kubernetes-${level}`, {
        metadata: { name: `kubeflow-kubernetes-${level}`, labels: aggregateTo(level) },
        rules: [...rules[level], ...spread(this.v.extraRules[level])],
      });
    }
  }
}
