import type { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import type { Named } from './metadata.js';

/**
 * Pieces of the kubebuilder project layout that several Kubeflow controllers ship unchanged: the
 * kube-rbac-proxy sidecar guarding the metrics endpoint, its roles and Service, the leader
 * election Role, and controller-gen's marks. Each controller names and labels them its own way.
 */

/** controller-gen writes `creationTimestamp: null` into roles and CRDs; upstream ships it as is. */
export function controllerGenStamp<T extends ApiObject>(obj: T): T {
  const toJson = obj.toJson.bind(obj);
  // k8s.Kube* drop null metadata in their own toJson, after JSON patches, so the field goes in here.
  obj.toJson = () => {
    const json = toJson();
    return { ...json, metadata: { ...json.metadata, creationTimestamp: null } };
  };
  return obj;
}

/** Lease-based leader election (controller-runtime ≥ 0.7): ConfigMaps and Leases, events. */
export function leaderElectionRole(scope: Construct, id: string, metadata: Named): k8s.KubeRole {
  const all = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
  return new k8s.KubeRole(scope, id, {
    metadata,
    rules: [
      { apiGroups: [''], resources: ['configmaps'], verbs: all },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: all },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
    ],
  });
}

/**
 * ConfigMap-based leader election (controller-runtime < 0.7 locks a ConfigMap): ConfigMaps and their
 * status, events. `leases`: a rule on Leases put first, for a controller that takes both locks.
 */
export function configMapLeaderElectionRole(scope: Construct, id: string, metadata: Named, leases?: k8s.PolicyRule): k8s.KubeRole {
  return new k8s.KubeRole(scope, id, {
    metadata,
    rules: [
      ...(leases ? [leases] : []),
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
      { apiGroups: [''], resources: ['configmaps/status'], verbs: ['get', 'update', 'patch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create'] },
    ],
  });
}

/** Who may scrape /metrics through the proxy. */
export function metricsReaderRole(scope: Construct, id: string, metadata: Named): k8s.KubeClusterRole {
  return new k8s.KubeClusterRole(scope, id, { metadata, rules: [{ nonResourceUrLs: ['/metrics'], verbs: ['get'] }] });
}

/** What kube-rbac-proxy needs to authenticate and authorize scrapers. */
export function proxyRole(scope: Construct, id: string, metadata: Named): k8s.KubeClusterRole {
  return new k8s.KubeClusterRole(scope, id, {
    metadata,
    rules: [
      { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ],
  });
}

/** The metrics Service in front of the proxy's `https` port. */
export function metricsService(scope: Construct, id: string, metadata: Named, selector: Record<string, string>): k8s.KubeService {
  return new k8s.KubeService(scope, id, {
    metadata,
    spec: {
      ports: [{ name: 'https', port: 8443, protocol: 'TCP', targetPort: k8s.IntOrString.fromString('https') }],
      selector,
    },
  });
}

/** The kube-rbac-proxy sidecar: TLS and RBAC in front of the manager's metrics on 127.0.0.1:8080. */
export function kubeRbacProxyContainer(image: string, resources: k8s.ResourceRequirements | undefined, pullPolicy?: string): k8s.Container {
  return {
    name: 'kube-rbac-proxy',
    image,
    imagePullPolicy: pullPolicy,
    args: ['--secure-listen-address=0.0.0.0:8443', '--upstream=http://127.0.0.1:8080/', '--logtostderr=true', '--v=0'],
    ports: [{ containerPort: 8443, name: 'https', protocol: 'TCP' }],
    resources,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
}

/** Liveness and readiness on the manager's health port, with kubebuilder's timings. */
export const healthProbes = (livenessDelay: number, livenessPeriod: number) => ({
  livenessProbe: {
    httpGet: { path: '/healthz', port: k8s.IntOrString.fromNumber(8081) },
    initialDelaySeconds: livenessDelay,
    periodSeconds: livenessPeriod,
  },
  readinessProbe: { httpGet: { path: '/readyz', port: k8s.IntOrString.fromNumber(8081) }, initialDelaySeconds: 5, periodSeconds: 10 },
});
