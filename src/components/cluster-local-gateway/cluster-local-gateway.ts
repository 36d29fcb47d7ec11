import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/Gateway';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { customObject } from '../../core/custom-object.js';
import { info } from './info.js';
import type { values } from './values.js';

const NAME = 'cluster-local-gateway';
const SA = `${NAME}-service-account`;
const selector = { app: NAME, istio: NAME };
const fieldEnv = (name: string, fieldPath: string, apiVersion = true): k8s.EnvVar => ({
  name,
  valueFrom: { fieldRef: { ...(apiVersion ? { apiVersion: 'v1' } : {}), fieldPath } },
});

/** The proxy's mounts and volumes, as the istio-ingress chart renders them. */
const PROXY_MOUNTS: k8s.VolumeMount[] = [
  { mountPath: '/var/run/secrets/workload-spiffe-uds', name: 'workload-socket' },
  { mountPath: '/var/run/secrets/credential-uds', name: 'credential-socket' },
  { mountPath: '/var/run/secrets/workload-spiffe-credentials', name: 'workload-certs' },
  { mountPath: '/etc/istio/proxy', name: 'istio-envoy' },
  { mountPath: '/etc/istio/config', name: 'config-volume' },
  { mountPath: '/var/run/secrets/istio', name: 'istiod-ca-cert' },
  { mountPath: '/var/run/secrets/tokens', name: 'istio-token', readOnly: true },
  { mountPath: '/var/lib/istio/data', name: 'istio-data' },
  { mountPath: '/etc/istio/pod', name: 'podinfo' },
  { mountPath: '/etc/istio/ingressgateway-certs', name: 'ingressgateway-certs', readOnly: true },
  { mountPath: '/etc/istio/ingressgateway-ca-certs', name: 'ingressgateway-ca-certs', readOnly: true },
];
const PROXY_VOLUMES: k8s.Volume[] = [
  { emptyDir: {}, name: 'workload-socket' },
  { emptyDir: {}, name: 'credential-socket' },
  { emptyDir: {}, name: 'workload-certs' },
  { configMap: { name: 'istio-ca-root-cert' }, name: 'istiod-ca-cert' },
  {
    downwardApi: {
      items: [
        { fieldRef: { fieldPath: 'metadata.labels' }, path: 'labels' },
        { fieldRef: { fieldPath: 'metadata.annotations' }, path: 'annotations' },
      ],
    },
    name: 'podinfo',
  },
  { emptyDir: {}, name: 'istio-envoy' },
  { emptyDir: {}, name: 'istio-data' },
  {
    name: 'istio-token',
    projected: { sources: [{ serviceAccountToken: { audience: 'istio-ca', expirationSeconds: 43200, path: 'istio-token' } }] },
  },
  { configMap: { name: 'istio', optional: true }, name: 'config-volume' },
  { name: 'ingressgateway-certs', secret: { optional: true, secretName: 'istio-ingressgateway-certs' } },
  { name: 'ingressgateway-ca-certs', secret: { optional: true, secretName: 'istio-ingressgateway-ca-certs' } },
];

/**
 * Istio's cluster-local gateway: an ingress gateway for in-cluster traffic (Knative services),
 * as the istio-ingress chart renders it, plus its Gateway and AuthorizationPolicy.
 */
export class ClusterLocalGateway extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const labels = { ...this.chartLabels(), ...selector };
    this.identity(labels);
    this.service(labels);
    this.deployment(labels);
    this.autoscaler(labels);
    this.routing();
  }

  /** Labels of the upstream istio-ingress chart render (upstream keeps them in its manifests). */
  private chartLabels() {
    const v = this.v;
    return {
      'app.kubernetes.io/instance': 'istio',
      'app.kubernetes.io/managed-by': 'Helm',
      'app.kubernetes.io/name': 'istio-ingressgateway',
      'app.kubernetes.io/part-of': 'istio',
      'app.kubernetes.io/version': v.istio.version,
      'helm.sh/chart': `istio-ingress-${v.istio.version}`,
      'install.operator.istio.io/owning-resource': 'unknown',
      'istio.io/rev': v.istio.revision,
      'operator.istio.io/component': 'IngressGateways',
      release: 'istio',
    };
  }

  /** ServiceAccount, and the Role and RoleBinding that let the proxy read secrets (SDS). */
  private identity(labels: Record<string, string>): void {
    const ns = this.v.namespace;
    const chartLabels = this.chartLabels();
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: { name: SA, namespace: ns, labels } });
    new k8s.KubeRole(this, 'sds-role', {
      metadata: { name: `${NAME}-sds`, namespace: ns, labels: chartLabels },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }],
    });
    new k8s.KubeRoleBinding(this, 'sds-role-binding', {
      metadata: { name: `${NAME}-sds`, namespace: ns, labels: chartLabels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${NAME}-sds` },
      subjects: [{ kind: 'ServiceAccount', name: SA, namespace: ns }],
    });
  }

  private service(labels: Record<string, string>): void {
    const ns = this.v.namespace;
    new k8s.KubeService(this, 'service', {
      metadata: { name: NAME, namespace: ns, labels },
      spec: {
        ports: [
          { name: 'status-port', port: 15020, targetPort: k8s.IntOrString.fromNumber(15020) },
          { name: 'http2', port: 80, targetPort: k8s.IntOrString.fromNumber(8080) },
        ],
        selector,
        type: 'ClusterIP',
      },
    });
  }

  /** The gateway proxy. */
  private deployment(labels: Record<string, string>): void {
    const v = this.v;
    const ns = v.namespace;
    const noDataplane = { 'istio.io/dataplane-mode': 'none' };
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: { name: NAME, namespace: ns, labels: { ...labels, ...noDataplane } },
      spec: {
        selector: { matchLabels: selector },
        strategy: { rollingUpdate: { maxSurge: k8s.IntOrString.fromString('100%'), maxUnavailable: k8s.IntOrString.fromString('25%') } },
        template: {
          metadata: {
            annotations: {
              'istio.io/rev': v.istio.revision,
              'prometheus.io/path': '/stats/prometheus',
              'prometheus.io/port': '15020',
              'prometheus.io/scrape': 'true',
              'sidecar.istio.io/inject': 'false',
            },
            labels: {
              ...labels,
              ...noDataplane,
              chart: 'gateways',
              heritage: 'Tiller',
              'service.istio.io/canonical-name': NAME,
              'service.istio.io/canonical-revision': 'latest',
              'sidecar.istio.io/inject': 'false',
            },
          },
          spec: {
            affinity: v.affinity,
            nodeSelector: v.nodeSelector,
            tolerations: v.tolerations,
            containers: [
              {
                name: 'istio-proxy',
                image: v.image.ref,
                args: [
                  'proxy',
                  'router',
                  '--domain',
                  `$(POD_NAMESPACE).svc.${v.istio.clusterDomain}`,
                  `--proxyLogLevel=${v.istio.proxyLogLevel}`,
                  '--proxyComponentLogLevel=misc:error',
                  '--log_output_level=default:info',
                ],
                env: this.proxyEnv(),
                ports: [
                  { containerPort: 15020, protocol: 'TCP' },
                  { containerPort: 8080, protocol: 'TCP' },
                  { containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' },
                ],
                readinessProbe: {
                  failureThreshold: 30,
                  httpGet: { path: '/healthz/ready', port: k8s.IntOrString.fromNumber(15021), scheme: 'HTTP' },
                  initialDelaySeconds: 1,
                  periodSeconds: 2,
                  successThreshold: 1,
                  timeoutSeconds: 1,
                },
                resources: v.resources,
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ['ALL'] },
                  privileged: false,
                  readOnlyRootFilesystem: true,
                },
                volumeMounts: PROXY_MOUNTS,
              },
            ],
            securityContext: { runAsGroup: 1337, runAsNonRoot: true, runAsUser: 1337, seccompProfile: { type: 'RuntimeDefault' } },
            serviceAccountName: SA,
            volumes: PROXY_VOLUMES,
          },
        },
      },
    });
  }

  /** The proxy's environment (router mode, identity, mesh). */
  private proxyEnv(): k8s.EnvVar[] {
    const v = this.v;
    const ns = v.namespace;
    return [
      { name: 'ISTIO_META_ROUTER_MODE', value: 'sni-dnat' },
      { name: 'PILOT_CERT_PROVIDER', value: 'istiod' },
      { name: 'CA_ADDR', value: v.istio.caAddress },
      fieldEnv('NODE_NAME', 'spec.nodeName'),
      fieldEnv('POD_NAME', 'metadata.name'),
      fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
      fieldEnv('INSTANCE_IP', 'status.podIP'),
      fieldEnv('HOST_IP', 'status.hostIP'),
      { name: 'ISTIO_CPU_LIMIT', valueFrom: { resourceFieldRef: { divisor: k8s.Quantity.fromString('1'), resource: 'limits.cpu' } } },
      fieldEnv('SERVICE_ACCOUNT', 'spec.serviceAccountName', false),
      { name: 'ISTIO_META_WORKLOAD_NAME', value: NAME },
      { name: 'ISTIO_META_OWNER', value: `kubernetes://apis/apps/v1/namespaces/${ns}/deployments/${NAME}` },
      { name: 'ISTIO_META_MESH_ID', value: v.istio.meshId },
      { name: 'TRUST_DOMAIN', value: v.istio.trustDomain },
      { name: 'ISTIO_META_UNPRIVILEGED_POD', value: 'true' },
      { name: 'ISTIO_META_CLUSTER_ID', value: v.istio.clusterId },
      fieldEnv('ISTIO_META_NODE_NAME', 'spec.nodeName', false),
    ];
  }

  private autoscaler(labels: Record<string, string>): void {
    const v = this.v;
    const ns = v.namespace;
    new k8s.KubeHorizontalPodAutoscalerV2(this, 'hpa', {
      metadata: { name: NAME, namespace: ns, labels },
      spec: {
        maxReplicas: v.autoscaling.maxReplicas,
        minReplicas: v.autoscaling.minReplicas,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: v.autoscaling.targetCPUUtilizationPercentage } },
          },
        ],
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: NAME },
      },
    });
  }

  /** The Gateway for in-cluster hosts, and the AuthorizationPolicy that lets everything through. */
  private routing(): void {
    const v = this.v;
    const ns = v.namespace;
    customObject<IGateway>(this, 'gateway', {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'Gateway',
      metadata: { name: NAME, namespace: ns, labels: { release: 'istio' } },
      spec: { selector, servers: [{ hosts: v.gateway.hosts, port: { name: 'http', number: 80, protocol: 'HTTP' } }] },
    });
    customObject<IAuthorizationPolicy>(this, 'authorization-policy', {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: NAME, namespace: ns },
      // Everything that reaches the cluster-local gateway is allowed; services behind it authorize.
      spec: { action: 'ALLOW', rules: [{}], selector: { matchLabels: selector } },
    });
  }
}
