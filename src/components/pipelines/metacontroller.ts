import type { Construct } from 'constructs';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { obj, scheduled } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function metacontroller(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-meta-controller-service', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      labels: { 'application-crd-id': 'kubeflow-pipelines', 'kustomize.component': 'metacontroller' },
      name: 'meta-controller-service',
      namespace: ns,
    },
  });
  obj<IClusterRole>(s, 'clusterrole-kubeflow-metacontroller', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      labels: { 'application-crd-id': 'kubeflow-pipelines', 'kustomize.component': 'metacontroller' },
      name: 'kubeflow-metacontroller',
    },
    rules: [
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch', 'update'] },
      {
        apiGroups: [''],
        resources: ['namespaces/status'],
        verbs: ['get', 'list', 'watch', 'update', 'patch'],
      },
      {
        apiGroups: [''],
        resources: ['secrets', 'configmaps'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      },
      {
        apiGroups: ['apps'],
        resources: ['deployments'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      },
      {
        apiGroups: [''],
        resources: ['services'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      },
      {
        apiGroups: ['networking.istio.io'],
        resources: ['destinationrules'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      },
      {
        apiGroups: ['security.istio.io'],
        resources: ['authorizationpolicies'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      },
      {
        apiGroups: ['metacontroller.k8s.io'],
        resources: ['compositecontrollers', 'controllerrevisions', 'decoratorcontrollers'],
        verbs: ['get', 'list', 'watch'],
      },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
    ],
  });
  obj<IClusterRoleBinding>(s, 'clusterrolebinding-meta-controller-cluster-role-binding', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: {
      labels: { 'application-crd-id': 'kubeflow-pipelines', 'kustomize.component': 'metacontroller' },
      name: 'meta-controller-cluster-role-binding',
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kubeflow-metacontroller' },
    subjects: [{ kind: 'ServiceAccount', name: 'meta-controller-service', namespace: ns }],
  });
  obj<IStatefulSet>(s, 'statefulset-metacontroller', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      labels: {
        app: 'metacontroller',
        'application-crd-id': 'kubeflow-pipelines',
        'kustomize.component': 'metacontroller',
      },
      name: 'metacontroller',
      namespace: ns,
    },
    spec: {
      replicas: v.metacontroller.replicas,
      selector: {
        matchLabels: {
          app: 'metacontroller',
          'application-crd-id': 'kubeflow-pipelines',
          'kustomize.component': 'metacontroller',
        },
      },
      serviceName: '',
      template: {
        metadata: {
          labels: {
            app: 'metacontroller',
            'application-crd-id': 'kubeflow-pipelines',
            'kustomize.component': 'metacontroller',
            'sidecar.istio.io/inject': 'false',
          },
        },
        spec: {
          containers: [
            {
              args: ['--zap-log-level=4', '--discovery-interval=3600s'],
              command: ['/usr/bin/metacontroller'],
              image: v.images.metacontroller.ref,
              livenessProbe: { httpGet: { path: '/healthz', port: 8081 } },
              name: 'metacontroller',
              readinessProbe: { httpGet: { path: '/readyz', port: 8081 } },
              resources: v.metacontroller.resources,
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                privileged: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                runAsUser: 1000,
                seccompProfile: { type: 'RuntimeDefault' },
              },
            },
          ],
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          ...scheduled(v.metacontroller),
          serviceAccountName: 'meta-controller-service',
        },
      },
      volumeClaimTemplates: [],
    },
  });
}
