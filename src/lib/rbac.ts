import type { k8s } from 'cdk8s-plus-33';

/** A PolicyRule, written the way upstream lists them. */
export const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): k8s.PolicyRule => ({
  apiGroups,
  ...(resourceNames ? { resourceNames } : {}),
  resources,
  verbs,
});

/**
 * Kubeflow's user roles (kubeflow-admin ⊇ kubeflow-edit ⊇ kubeflow-view, see kubeflow-roles) gather the
 * ClusterRoles labelled `rbac.authorization.kubeflow.org/aggregate-to-kubeflow-<level>`; applications
 * group their own rules the same way (`kubeflow-notebooks-admin` gathers `aggregate-to-kubeflow-notebooks-admin`).
 */
export const AGGREGATE_TO = 'rbac.authorization.kubeflow.org/aggregate-to';

/** Labels that add a ClusterRole's rules to each of the named roles: `aggregateTo('kubeflow-edit', 'kubeflow-katib-admin')`. */
export const aggregateTo = (...roles: string[]): Record<string, string> =>
  Object.fromEntries(roles.map((role) => [`${AGGREGATE_TO}-${role}`, 'true']));

/** The aggregation rule of `role`: it gathers the ClusterRoles labelled `aggregateTo(role)`. */
export const aggregating = (role: string): k8s.AggregationRule => ({ clusterRoleSelectors: [{ matchLabels: aggregateTo(role) }] });
