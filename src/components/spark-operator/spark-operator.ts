import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { when } from '../../core/conditions.js';
import { aggregateTo } from '../../lib/rbac.js';
import { info } from './info.js';
import type { values } from './values.js';

const GROUP = 'sparkoperator.k8s.io';
const KINDS = ['sparkapplications', 'scheduledsparkapplications'];
const STATUS = KINDS.map((k) => `${k}/status`);
const labels = (...levels: string[]) => ({
  app: 'spark-operator',
  'app.kubernetes.io/name': 'spark-operator',
  ...aggregateTo(...levels.map((level) => `kubeflow-${level}`)),
});

/**
 * The Spark operator as Kubeflow installs it: the upstream chart (a dependency, values under
 * `spark-operator`) and the ClusterRoles that give Kubeflow profile members access to Spark applications.
 */
export class SparkOperator extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    when(this, 'aggregated-roles', this.v.aggregatedRoles.enabled, (scope) => {
      new k8s.KubeClusterRole(scope, 'admin', { metadata: { name: 'kubeflow-spark-admin', labels: labels('admin') }, rules: [] });
      new k8s.KubeClusterRole(scope, 'edit', {
        metadata: { name: 'kubeflow-spark-edit', labels: labels('admin', 'edit') },
        rules: [
          { apiGroups: [GROUP], resources: KINDS, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
          { apiGroups: [GROUP], resources: STATUS, verbs: ['get'] },
        ],
      });
      new k8s.KubeClusterRole(scope, 'view', {
        metadata: { name: 'kubeflow-spark-view', labels: labels('view') },
        rules: [
          { apiGroups: [GROUP], resources: KINDS, verbs: ['get', 'list', 'watch'] },
          { apiGroups: [GROUP], resources: STATUS, verbs: ['get'] },
        ],
      });
    });
  }
}
