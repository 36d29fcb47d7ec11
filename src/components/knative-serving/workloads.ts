import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import type { ImageAccess } from '../../core/values.js';
import { labels } from './labels.js';

const port = (x: number | string) => (typeof x === 'number' ? k8s.IntOrString.fromNumber(x) : k8s.IntOrString.fromString(x));
const field = (name: string, fieldPath: string): k8s.EnvVar => ({ name, valueFrom: { fieldRef: { fieldPath } } });
const env = (name: string, value: string): k8s.EnvVar => ({ name, value });

export const POD_NAME = field('POD_NAME', 'metadata.name');
export const POD_IP = field('POD_IP', 'status.podIP');
/** What every Knative binary reads: its namespace and the names of the logging and observability ConfigMaps. */
export const SYSTEM_ENV = [
  field('SYSTEM_NAMESPACE', 'metadata.namespace'),
  env('CONFIG_LOGGING_NAME', 'config-logging'),
  env('CONFIG_OBSERVABILITY_NAME', 'config-observability'),
];
export const METRICS_PORTS = [
  { containerPort: 9090, name: 'metrics' },
  { containerPort: 8008, name: 'profiling' },
];
export { env };

export interface ProbeSpec {
  port: number | string;
  path?: string;
  scheme?: 'HTTP' | 'HTTPS';
  failureThreshold?: number;
  initialDelaySeconds?: number;
  periodSeconds?: number;
}
export const probe = (p: ProbeSpec): k8s.Probe => ({
  ...(p.failureThreshold !== undefined ? { failureThreshold: p.failureThreshold } : {}),
  httpGet: { ...(p.path ? { path: p.path } : {}), port: port(p.port), ...(p.scheme ? { scheme: p.scheme } : {}) },
  ...(p.initialDelaySeconds !== undefined ? { initialDelaySeconds: p.initialDelaySeconds } : {}),
  ...(p.periodSeconds !== undefined ? { periodSeconds: p.periodSeconds } : {}),
});

export interface WorkloadSpec {
  /** Deployment name and `app` label. */
  readonly name: string;
  readonly namespace: string;
  /** Labels of the Deployment (Knative's, with the component). */
  readonly labels: Record<string, string>;
  /** `app.kubernetes.io/component` of the pods. */
  readonly component: string;
  /** Adds `role: <name>` to the selector and pod labels. */
  readonly role?: boolean;
  readonly container: {
    name: string;
    image: ImageAccess;
    resources: k8s.ResourceRequirements;
    env: k8s.EnvVar[];
    ports: { containerPort: number; name: string }[];
    liveness: ProbeSpec;
    readiness: ProbeSpec;
    readOnlyRootFilesystem: boolean;
  };
  readonly serviceAccountName: string;
  /** Spread pods over nodes (preferred anti-affinity on `app`). */
  readonly spread: boolean;
  readonly replicas?: number;
  readonly strategy?: k8s.DeploymentStrategy;
  readonly terminationGracePeriodSeconds?: number;
}

/** A Knative Deployment: restricted pods in the Istio mesh, metrics and profiling ports, one container. */
export function knativeDeployment(scope: Construct, s: WorkloadSpec): k8s.KubeDeployment {
  const selector = { app: s.name, ...(s.role ? { role: s.name } : {}) };
  const c = s.container;
  return new k8s.KubeDeployment(scope, `deployment-${s.name}`, {
    metadata: { labels: s.labels, name: s.name, namespace: s.namespace },
    spec: {
      ...(s.replicas !== undefined ? { replicas: s.replicas } : {}),
      selector: { matchLabels: selector },
      ...(s.strategy ? { strategy: s.strategy } : {}),
      template: {
        metadata: { labels: { ...selector, ...labels(s.component), 'sidecar.istio.io/inject': 'true' } },
        spec: {
          ...(s.spread
            ? {
                affinity: {
                  podAntiAffinity: {
                    preferredDuringSchedulingIgnoredDuringExecution: [
                      {
                        podAffinityTerm: { labelSelector: { matchLabels: { app: s.name } }, topologyKey: 'kubernetes.io/hostname' },
                        weight: 100,
                      },
                    ],
                  },
                },
              }
            : {}),
          containers: [
            {
              env: c.env,
              image: c.image.ref,
              livenessProbe: probe(c.liveness),
              name: c.name,
              ports: c.ports,
              readinessProbe: probe(c.readiness),
              resources: c.resources,
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                ...(c.readOnlyRootFilesystem ? { readOnlyRootFilesystem: true } : {}),
                runAsNonRoot: true,
                seccompProfile: { type: 'RuntimeDefault' },
              },
            },
          ],
          serviceAccountName: s.serviceAccountName,
          ...(s.terminationGracePeriodSeconds !== undefined ? { terminationGracePeriodSeconds: s.terminationGracePeriodSeconds } : {}),
        },
      },
    },
  });
}

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number | string;
}
export function knativeService(
  scope: Construct,
  id: string,
  meta: { name: string; namespace: string; labels: Record<string, string> },
  ports: ServicePort[],
  selector: Record<string, string>,
  type?: string,
): k8s.KubeService {
  return new k8s.KubeService(scope, id, {
    metadata: meta,
    spec: {
      ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: port(p.targetPort) })),
      selector,
      ...(type ? { type } : {}),
    },
  });
}

export const METRICS_SERVICE_PORTS: ServicePort[] = [
  { name: 'http-metrics', port: 9090, targetPort: 9090 },
  { name: 'http-profiling', port: 8008, targetPort: 8008 },
];

/** A PodDisruptionBudget that lets every pod go (upstream's choice: the HPA keeps capacity). */
export function disruptionBudget(scope: Construct, name: string, ns: string, component: string): void {
  new k8s.KubePodDisruptionBudget(scope, `pdb-${name}`, {
    metadata: { labels: labels(component), name: `${name}-pdb`, namespace: ns },
    spec: { minAvailable: k8s.IntOrString.fromNumber(0), selector: { matchLabels: { app: name } } },
  });
}

/** CPU-based HorizontalPodAutoscaler of a Deployment. */
export function cpuAutoscaler(scope: Construct, name: string, ns: string, min: number, max: number): void {
  new k8s.KubeHorizontalPodAutoscalerV2(scope, `hpa-${name}`, {
    metadata: { labels: labels(name), name, namespace: ns },
    spec: {
      maxReplicas: max,
      metrics: [{ resource: { name: 'cpu', target: { averageUtilization: 100, type: 'Utilization' } }, type: 'Resource' }],
      minReplicas: min,
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
    },
  });
}
