import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { aggregateTo, rule } from '../../lib/rbac.js';
import { labels, netIstioLabels } from './labels.js';

const RW = ['get', 'list', 'create', 'update', 'delete', 'patch', 'watch'];
const READ = ['get', 'list', 'watch'];
const KNATIVE_INTERNAL = ['networking.internal.knative.dev', 'autoscaling.internal.knative.dev', 'caching.internal.knative.dev'];
const CONTROLLER = { 'serving.knative.dev/controller': 'true' };

/**
 * Service accounts and roles. `knative-serving-admin` aggregates every role labelled
 * `serving.knative.dev/controller` (core, istio, activator); the namespaced-* roles aggregate into
 * Kubernetes' and Kubeflow's admin/edit/view roles, so profile owners may use Knative Services.
 */
export function rbac(scope: Construct, ns: string): void {
  const sa = (name: string) => new k8s.KubeServiceAccount(scope, `sa-${name}`, { metadata: { labels: labels(name), name, namespace: ns } });
  sa('activator');
  sa('controller');
  const subject = (name: string) => [{ kind: 'ServiceAccount', name, namespace: ns }];
  const clusterRole = (name: string, l: Record<string, string>, rules?: k8s.PolicyRule[], aggregate?: Record<string, string>) =>
    new k8s.KubeClusterRole(scope, name, {
      metadata: { labels: l, name },
      ...(aggregate ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregate }] } } : {}),
      ...(rules ? { rules } : {}),
    });
  const clusterBinding = (name: string, component: string, role: string, account: string) =>
    new k8s.KubeClusterRoleBinding(scope, `crb-${name}`, {
      metadata: { labels: labels(component), name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
      subjects: subject(account),
    });

  new k8s.KubeRole(scope, 'role-activator', {
    metadata: { labels: labels(undefined, CONTROLLER), name: 'knative-serving-activator', namespace: ns },
    rules: [rule([''], ['configmaps', 'secrets'], READ), rule([''], ['secrets'], READ, ['routing-serving-certs', 'knative-serving-certs'])],
  });
  clusterRole('knative-serving-activator-cluster', labels(undefined, CONTROLLER), [
    rule([''], ['services', 'endpoints'], READ),
    rule(['serving.knative.dev'], ['revisions'], READ),
  ]);
  clusterRole('knative-serving-addressable-resolver', labels(undefined, { 'duck.knative.dev/addressable': 'true' }), [
    rule(['serving.knative.dev'], ['routes', 'routes/status', 'services', 'services/status'], READ),
  ]);
  clusterRole('knative-serving-admin', labels(), undefined, CONTROLLER);
  clusterRole('knative-serving-aggregated-addressable-resolver', labels(), undefined, { 'duck.knative.dev/addressable': 'true' });
  clusterRole('knative-serving-core', labels(undefined, CONTROLLER), [
    rule([''], ['pods', 'namespaces', 'secrets', 'configmaps', 'endpoints', 'services', 'events', 'serviceaccounts'], RW),
    rule([''], ['endpoints/restricted'], ['create']),
    rule([''], ['namespaces/finalizers'], ['update']),
    rule(['apps'], ['deployments', 'deployments/finalizers'], RW),
    rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], RW),
    rule(['apiextensions.k8s.io'], ['customresourcedefinitions', 'customresourcedefinitions/status'], RW),
    rule(['autoscaling'], ['horizontalpodautoscalers'], RW),
    rule(['coordination.k8s.io'], ['leases'], RW),
    rule(
      ['serving.knative.dev', 'autoscaling.internal.knative.dev', 'networking.internal.knative.dev'],
      ['*', '*/status', '*/finalizers'],
      ['get', 'list', 'create', 'update', 'delete', 'deletecollection', 'patch', 'watch'],
    ),
    rule(['caching.internal.knative.dev'], ['images'], RW),
    rule(['cert-manager.io'], ['certificates', 'clusterissuers', 'certificaterequests', 'issuers'], RW),
    rule(['acme.cert-manager.io'], ['challenges'], RW),
    rule(['rbac.authorization.k8s.io'], ['clusterroles'], ['delete'], ['knative-serving-certmanager']),
  ]);
  clusterRole('knative-serving-istio', netIstioLabels(CONTROLLER), [
    rule(['networking.istio.io'], ['virtualservices', 'gateways', 'destinationrules'], RW),
  ]);
  // Into Kubernetes' own admin/edit/view roles and Kubeflow's.
  const aggregated = (level: string) => ({
    [`rbac.authorization.k8s.io/aggregate-to-${level}`]: 'true',
    ...aggregateTo(`kubeflow-${level}`),
  });
  clusterRole('knative-serving-namespaced-admin', labels(undefined, aggregated('admin')), [
    rule(['serving.knative.dev'], ['*'], ['*']),
    rule(KNATIVE_INTERNAL, ['*'], READ),
  ]);
  clusterRole('knative-serving-namespaced-edit', labels(undefined, aggregated('edit')), [
    rule(['serving.knative.dev'], ['*'], ['create', 'update', 'patch', 'delete']),
    rule(KNATIVE_INTERNAL, ['*'], READ),
  ]);
  clusterRole('knative-serving-namespaced-view', labels(undefined, aggregated('view')), [
    rule(['serving.knative.dev', ...KNATIVE_INTERNAL], ['*'], READ),
  ]);
  clusterRole('knative-serving-podspecable-binding', labels(undefined, { 'duck.knative.dev/podspecable': 'true' }), [
    rule(['serving.knative.dev'], ['configurations', 'services'], ['list', 'watch', 'patch']),
  ]);

  new k8s.KubeRoleBinding(scope, 'rb-activator', {
    metadata: { labels: labels('activator'), name: 'knative-serving-activator', namespace: ns },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'knative-serving-activator' },
    subjects: subject('activator'),
  });
  clusterBinding('knative-serving-activator-cluster', 'activator', 'knative-serving-activator-cluster', 'activator');
  clusterBinding(
    'knative-serving-controller-addressable-resolver',
    'controller',
    'knative-serving-aggregated-addressable-resolver',
    'controller',
  );
  clusterBinding('knative-serving-controller-admin', 'controller', 'knative-serving-admin', 'controller');
}
