import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { items, not, when } from '../../core/conditions.js';
import { customObject, type TypedResource } from '../../core/custom-object.js';
import type { Pipelines } from './pipelines.js';

/**
 * Pipelines' objects are written as plain Kubernetes JSON typed by the kubernetes-models interfaces
 * (`obj<IDeployment>(…)`): a wrong field is a compile error, and the JSON is exactly what is written.
 */
export function obj<T extends TypedResource>(scope: Construct, id: string, body: T): ApiObject {
  return customObject<T>(scope, id, body);
}

/** The label every Pipelines object carries. */
export const APP = { 'application-crd-id': 'kubeflow-pipelines' } as const;
/** Selector and pod-template labels of Pipelines' own workloads (never value-dependent). */
export const KFP = { 'app.kubernetes.io/component': 'ml-pipeline', 'app.kubernetes.io/name': 'kubeflow-pipelines', ...APP } as const;
export const RBAC = 'rbac.authorization.k8s.io';

/**
 * One of Pipelines' own Deployments, named and labelled `app: <name>` (with the chart's labels) and
 * selected by KFP + `app`; `evictable` marks its pods safe to evict for the cluster autoscaler.
 */
export function kfpDeployment(
  c: Pipelines,
  s: Construct,
  d: { name: string; replicas: number | undefined; evictable?: boolean; podLabels?: Record<string, string>; pod: IPodSpec },
): ApiObject {
  const selector = { ...KFP, app: d.name };
  return obj<IDeployment>(s, `deployment-${d.name}`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { ...c.labels, app: d.name }, name: d.name, namespace: c.v.namespace },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: {
          ...(d.evictable ? { annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' } } : {}),
          labels: { ...selector, ...d.podLabels },
        },
        spec: d.pod,
      },
    },
  });
}

/**
 * A service account's RoleBinding to `role` and, in multi-user mode (where the account works in every
 * profile namespace), the ClusterRoleBinding of the same name to the cluster role (`clusterRole`, else
 * the one named like the Role).
 */
export function bindAccount(
  c: Pipelines,
  s: Construct,
  b: { name: string; account: string; role: string; clusterRole?: string; labels: Record<string, string> },
): void {
  const ns = c.v.namespace;
  const subjects = () => [{ kind: 'ServiceAccount', name: b.account, namespace: ns }];
  obj<IRoleBinding>(s, `rolebinding-${b.name}`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { labels: { ...b.labels }, name: b.name, namespace: ns },
    roleRef: { apiGroup: RBAC, kind: 'Role', name: b.role },
    subjects: subjects(),
  });
  when(s, `if-clusterrolebinding-${b.name}`, c.v.multiUser.enabled, (w) => {
    obj<IClusterRoleBinding>(w, `clusterrolebinding-${b.name}`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { labels: { ...b.labels }, name: b.name },
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: b.clusterRole ?? b.role },
      subjects: subjects(),
    });
  });
}

export const fromConfig = (name: string, key: string, optional?: boolean) => ({
  name,
  valueFrom: { configMapKeyRef: { key, name: 'pipeline-install-config', ...(optional ? { optional } : {}) } },
});
export const fromSecret = (name: string, secret: string, key: string) => ({ name, valueFrom: { secretKeyRef: { key, name: secret } } });

/** The restricted container security context most Pipelines containers use; `runAsGroup: null` leaves the group out. */
export const restricted = (runAsUser = 1000, runAsGroup: number | null = 0): ISecurityContext => ({
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  ...(runAsGroup !== null ? { runAsGroup } : {}),
  runAsNonRoot: true,
  runAsUser,
  seccompProfile: { type: 'RuntimeDefault' },
});

/**
 * The namespace a controller watches: all (`""`, multi-user: every profile) or its own (standalone).
 * Upstream lists the variable first in one mode and elsewhere in the other, hence `first`.
 */
export function watched(allNamespaces: boolean, name: string, first: boolean) {
  return first
    ? items(allNamespaces, [{ name, value: '' }])
    : items(not(allNamespaces), [{ name, valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }]);
}

/** nodeSelector, tolerations and affinity of a workload's values, as kubernetes-models types them. */
export const scheduled = (w: { nodeSelector: Record<string, string>; tolerations: unknown[]; affinity: unknown }) => ({
  nodeSelector: w.nodeSelector,
  tolerations: w.tolerations as IToleration[],
  affinity: w.affinity as IAffinity,
});
