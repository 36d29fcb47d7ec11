import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { spread } from '../../core/conditions.js';
import { info } from './info.js';
import type { values } from './values.js';

export const AGGREGATE = 'rbac.authorization.kubeflow.org/aggregate-to-kubeflow';
export type Level = 'admin' | 'edit' | 'view';
/** Label that adds a ClusterRole's rules to `kubeflow-<level>`. */
export const aggregateTo = (level: Level) => ({ [`${AGGREGATE}-${level}`]: 'true' });
const aggregating = (selector: string) => ({ clusterRoleSelectors: [{ matchLabels: { [selector]: 'true' } }] });

const rule = (apiGroups: string[], resources: string[], verbs: string[]): k8s.PolicyRule => ({ apiGroups, resources, verbs });
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/**
 * The Kubeflow user roles profiles bind: kubeflow-admin ⊇ kubeflow-edit ⊇ kubeflow-view, each an
 * aggregation of `kubeflow-<app>-<level>` roles that applications contribute, plus the plain
 * Kubernetes permissions of each level.
 */
export class KubeflowRoles extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    const aggregate = (id: string, level: Level, labels: Record<string, string>) =>
      new k8s.KubeClusterRole(this, id, {
        metadata: { name: `kubeflow-${level}`, ...(Object.keys(labels).length ? { labels } : {}) },
        aggregationRule: aggregating(`${AGGREGATE}-${level}`),
        rules: [],
      });
    aggregate('admin', 'admin', {});
    aggregate('edit', 'edit', aggregateTo('admin'));
    aggregate('view', 'view', aggregateTo('edit'));

    new k8s.KubeClusterRole(this, 'kubernetes-admin', {
      metadata: { name: 'kubeflow-kubernetes-admin', labels: aggregateTo('admin') },
      rules: [
        rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
        rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], [...WRITE.slice(0, 3), 'get', 'list', 'patch', 'update', 'watch']),
        ...spread(v.extraRules.admin),
      ],
    });
    const podSubresources = ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'];
    const workloads = ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale'];
    new k8s.KubeClusterRole(this, 'kubernetes-edit', {
      metadata: { name: 'kubeflow-kubernetes-edit', labels: aggregateTo('edit') },
      rules: [
        rule([''], [...podSubresources, 'secrets', 'services/proxy'], READ),
        rule([''], ['pods', ...podSubresources], WRITE),
        rule(
          [''],
          [
            'configmaps',
            'endpoints',
            'persistentvolumeclaims',
            'replicationcontrollers',
            'replicationcontrollers/scale',
            'secrets',
            'serviceaccounts',
            'services',
            'services/proxy',
          ],
          WRITE,
        ),
        rule(['apps'], [...workloads, 'statefulsets', 'statefulsets/scale'], WRITE),
        rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
        rule(['batch'], ['cronjobs', 'jobs'], WRITE),
        rule(
          ['extensions'],
          [...workloads.slice(0, 4), 'ingresses', 'networkpolicies', ...workloads.slice(4), 'replicationcontrollers/scale'],
          WRITE,
        ),
        rule(['policy'], ['poddisruptionbudgets'], WRITE),
        rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
        ...spread(v.extraRules.edit),
      ],
    });
    new k8s.KubeClusterRole(this, 'kubernetes-view', {
      metadata: { name: 'kubeflow-kubernetes-view', labels: aggregateTo('view') },
      rules: [
        rule(
          [''],
          [
            'configmaps',
            'endpoints',
            'persistentvolumeclaims',
            'persistentvolumeclaims/status',
            'pods',
            'replicationcontrollers',
            'replicationcontrollers/scale',
            'serviceaccounts',
            'services',
            'services/status',
          ],
          READ,
        ),
        rule(
          [''],
          [
            'bindings',
            'events',
            'limitranges',
            'namespaces/status',
            'pods/log',
            'pods/status',
            'replicationcontrollers/status',
            'resourcequotas',
            'resourcequotas/status',
          ],
          READ,
        ),
        rule([''], ['namespaces'], READ),
        rule(
          ['apps'],
          [
            'controllerrevisions',
            'daemonsets',
            'daemonsets/status',
            'deployments',
            'deployments/scale',
            'deployments/status',
            'replicasets',
            'replicasets/scale',
            'replicasets/status',
            'statefulsets',
            'statefulsets/scale',
            'statefulsets/status',
          ],
          READ,
        ),
        rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
        rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
        rule(
          ['extensions'],
          [
            'daemonsets',
            'daemonsets/status',
            'deployments',
            'deployments/scale',
            'deployments/status',
            'ingresses',
            'ingresses/status',
            'networkpolicies',
            'replicasets',
            'replicasets/scale',
            'replicasets/status',
            'replicationcontrollers/scale',
          ],
          READ,
        ),
        rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
        rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
        ...spread(v.extraRules.view),
      ],
    });
  }
}
