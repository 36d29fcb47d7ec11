import { ISTIO_HOST, s } from '../../core/schema.js';
import { v } from '../../core/values.js';
import { istioHub, istioImages, istioTag } from '../../lib/istio-charts.js';

const extAuthz = s.object(
  {
    name: s.subdomain(),
    envoyExtAuthzHttp: s.object(
      {
        service: s.subdomain({ description: 'Host name of the authorization service.' }),
        port: s.port(),
        includeRequestHeadersInCheck: s.array(s.headerName()),
        headersToUpstreamOnAllow: s.array(s.headerName()),
        headersToDownstreamOnDeny: s.array(s.headerName()),
        pathPrefix: s.absolutePath(),
        timeout: s.duration(),
      },
      ['service', 'port'],
    ),
  },
  ['name'],
  { additionalProperties: true },
);

const istiod = v.upstream(
  "Values of Istio's `istiod` chart (control plane, sidecar injector, mesh config). Typed keys carry Kubeflow's settings; any other key of the chart passes through.",
  {
    global: v.group("Istio's global values of the istiod chart.", {
      hub: istioHub(),
      tag: istioTag(),
      istioNamespace: v.dnsLabel('istio-system', 'Namespace of the Istio control plane.'),
      proxy: v.group('The sidecar proxies istiod injects (`istio-proxy` containers of every Kubeflow pod in the mesh).', {
        resources: v.resources(
          { requests: { cpu: '10m', memory: '40Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
          'Resources of each injected sidecar proxy (as Kubeflow 26.03 sets them; the chart defaults to 100m CPU and 128Mi memory requested).',
        ),
        seccompProfile: v.obj<Record<string, unknown>>(
          { type: 'RuntimeDefault' },
          'Seccomp profile of each injected sidecar proxy (Pod Security "restricted"), as Kubeflow 26.03 sets it.',
          { type: 'object' },
        ),
      }),
      proxy_init: v.group('The init container of injected pods without istio-cni (`istiod.cni.enabled=false`).', {
        resources: v.resources(
          { requests: { cpu: '10m', memory: '10Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
          'Resources of the istio-init container (as Kubeflow 26.03 sets them).',
        ),
      }),
      waypoint: v.group('Waypoint proxies istiod deploys for ambient mode.', {
        resources: v.resources(
          { requests: { cpu: '10m', memory: '128Mi' }, limits: { cpu: '2', memory: '1Gi' } },
          'Resources of each waypoint proxy (as Kubeflow 26.03 sets them).',
        ),
      }),
    }),
    cni: v.group('Pod traffic redirection by the istio-cni node agent instead of privileged init containers.', {
      enabled: v.bool(
        true,
        'Sidecars rely on the istio-cni node agent (the istio-cni component, its own release in kube-system, which the platform then requires); off: sidecars use privileged init containers.',
      ),
    }),
    replicaCount: v.int(1, 'Replicas of istiod (when autoscaling is off).', { minimum: 0 }),
    autoscaleEnabled: v.bool(true, 'Autoscale istiod with a HorizontalPodAutoscaler.'),
    autoscaleMin: v.int(1, 'Minimum istiod replicas.', { minimum: 1 }),
    autoscaleMax: v.int(5, 'Maximum istiod replicas.', { minimum: 1 }),
    resources: v.resources({ requests: { cpu: '500m', memory: '2048Mi' } }, 'Resources of the istiod container.'),
    seccompProfile: v.obj<Record<string, unknown>>({ type: 'RuntimeDefault' }, 'Seccomp profile of istiod (Pod Security "restricted").', {
      type: 'object',
    }),
    podLabels: v.labelMap({}, 'Extra labels of the istiod pods.'),
    env: v.map<string>(
      { PILOT_JWT_PUB_KEY_REFRESH_INTERVAL: '1m', ENABLE_DEBUG_ON_HTTP: 'false', ENABLE_NATIVE_SIDECARS: 'true' },
      "Environment of istiod (istioctl's default profile sets these; `PILOT_ENABLE_AMBIENT` for ambient mode). Names are environment variable names; values are plain text (the chart writes them between quotes unescaped).",
      s.plainText(),
      { keys: s.envName() },
    ),
    gateways: v.group('Defaults for gateways injected by istiod.', {
      seccompProfile: v.obj<Record<string, unknown>>({ type: 'RuntimeDefault' }, 'Seccomp profile of injected gateway pods.', {
        type: 'object',
      }),
    }),
    telemetry: v.group('Telemetry defaults of the istiod chart.', {
      v2: v.group('Proxy metrics.', {
        prometheus: v.group('Prometheus metrics of the proxies.', {
          enabled: v.bool(
            false,
            "Name Prometheus as the mesh's default metrics provider (`defaultProviders.metrics` in the `istio` ConfigMap), so every proxy exports Istio's standard metrics. Off as in Kubeflow 26.03, whose mesh config names no default provider (proxies export them only where a Telemetry resource asks); the istiod chart's own default is on.",
          ),
        }),
      }),
    }),
    meshConfig: v.group('Mesh configuration (the `istio` ConfigMap).', {
      accessLogFile: v.str(
        '/dev/stdout',
        'Envoy access log destination (an absolute path); empty disables access logs.',
        s.orEmpty(s.absolutePath()),
      ),
      defaultConfig: v.obj<Record<string, unknown>>(
        { proxyMetadata: {}, tracing: {} },
        'Default proxy configuration of every sidecar and gateway.',
        { type: 'object' },
      ),
      tcpKeepalive: v.obj<Record<string, unknown>>({ interval: '5s', probes: 3, time: '10s' }, 'TCP keepalive of upstream connections.', {
        type: 'object',
      }),
      extensionProviders: v.list<Record<string, unknown>>(
        [
          {
            name: 'oauth2-proxy',
            envoyExtAuthzHttp: {
              service: 'oauth2-proxy.oauth2-proxy.svc.cluster.local',
              port: 80,
              includeRequestHeadersInCheck: ['authorization', 'cookie'],
              headersToUpstreamOnAllow: ['authorization', 'path', 'x-auth-request-email', 'x-auth-request-groups', 'x-auth-request-user'],
              headersToDownstreamOnDeny: ['content-type', 'set-cookie'],
            },
          },
        ],
        "External authorization providers: Kubeflow's `oauth2-proxy` ext-authz (service, port, headers); the AuthorizationPolicies of the platform name it.",
        extAuthz,
      ),
    }),
  },
);

const gateway = v.upstream(
  "Values of Istio's `gateway` chart: the ingress gateway Kubeflow's routes use. Typed keys carry Kubeflow's settings; any other key passes through (validated by the chart's schema).",
  {
    name: v.dnsLabel('istio-ingressgateway', 'Name of the gateway Deployment and Service.'),
    labels: v.labelMap(
      { app: 'istio-ingressgateway', istio: 'ingressgateway' },
      'Labels of the gateway pods; the Gateway and AuthorizationPolicy select `app`/`istio`.',
    ),
    containerSecurityContext: v.obj<Record<string, unknown>>(
      {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        privileged: false,
        readOnlyRootFilesystem: true,
        runAsGroup: 1337,
        runAsNonRoot: true,
        runAsUser: 1337,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      'Security context of the gateway proxy: the chart\'s own, plus the RuntimeDefault seccomp profile (Pod Security "restricted").',
      { type: 'object' },
    ),
    strategy: v.obj<Record<string, unknown>>(
      { rollingUpdate: { maxSurge: '100%', maxUnavailable: '25%' } },
      'Deployment strategy of the gateway.',
      { type: 'object' },
    ),
    rbac: v.group("The chart's own Role for gateway credentials.", {
      enabled: v.bool(
        false,
        "Let the chart create its Role (named after the ServiceAccount); off: this chart creates Kubeflow's `istio-ingressgateway-sds` Role instead (`gatewayCredentials`).",
      ),
    }),
    serviceAccount: v.group("The gateway's ServiceAccount.", {
      name: v.subdomain('istio-ingressgateway-service-account', 'Name of the ServiceAccount (and of its Role).'),
    }),
    service: v.group('The gateway Service.', {
      type: v.oneOf(
        ['ClusterIP', 'NodePort', 'LoadBalancer', 'None'] as const,
        'ClusterIP',
        'Service type: ClusterIP (port-forward or another load balancer in front), NodePort, LoadBalancer.',
      ),
      annotations: v.annotationMap({}, 'Annotations of the Service (cloud load balancer settings).'),
      ports: v.list<Record<string, unknown>>(
        [
          { name: 'status-port', port: 15021, protocol: 'TCP', targetPort: 15021 },
          { name: 'http2', port: 80, protocol: 'TCP', targetPort: 8080 },
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
        ],
        'Ports of the Service (by name).',
        s.object(
          {
            name: s.dnsLabel({ maxLength: 15 }),
            port: s.port(),
            protocol: s.enum(['TCP', 'UDP', 'SCTP']),
            targetPort: s.port(),
            nodePort: s.port(),
          },
          ['name', 'port'],
          { additionalProperties: true },
        ),
        { key: 'name' },
      ),
    }),
    autoscaling: v.group('HorizontalPodAutoscaler of the gateway.', {
      enabled: v.bool(true, 'Autoscale the gateway.'),
      minReplicas: v.int(1, 'Minimum replicas.', { minimum: 1 }),
      maxReplicas: v.int(5, 'Maximum replicas.', { minimum: 1 }),
    }),
    resources: v.resources(
      { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
      'Resources of the gateway container.',
    ),
  },
);

const ztunnel = v.upstream("Values of Istio's `ztunnel` chart (ambient mode node proxy). Any other key of the chart passes through.", {
  enabled: v.bool(false, "Install ztunnel (ambient mode; with istio-cni's `cni.ambient.enabled`)."),
  global: istioImages(),
});

const base = v.upstream(
  "Values of Istio's `base` chart here: only its namespaced objects (the reader ServiceAccount); istio-crds installs the CRDs.",
  {
    global: v.group("Istio's global values of the base chart.", {
      resourceScope: v.oneOf(
        ['all', 'cluster', 'namespace'] as const,
        'namespace',
        'Objects the chart renders here (`namespace`: the reader ServiceAccount).',
      ),
    }),
  },
);

/** A namespace of a standalone install: its name and the labels Istio and Pod Security read (empty = label left out). */
const namespaceItem = {
  name: v.dnsLabel('', 'Namespace name.', { optional: true }),
  podSecurity: v.str('', '`pod-security.kubernetes.io/enforce` label.'),
  istioInjection: v.str('', '`istio-injection` label (enabled/disabled).'),
  dataplaneMode: v.str('', '`istio.io/dataplane-mode` label (ambient).'),
  controlPlane: v.str('', '`control-plane` label.'),
  operatorManaged: v.str('', '`istio-operator-managed` label.'),
};
const label = s.labelValue();

export const values = {
  namespace: v.dnsLabel('istio-system', 'Namespace of Istio (install the release into it) and of the Kubeflow objects around it.'),
  namespaces: v.list<NamespaceItem>(
    [],
    'Namespaces to create, with their Pod Security and Istio labels (standalone installs without kubeflow-namespace / istio-namespace).',
    s.object(
      {
        name: s.dnsLabel(),
        podSecurity: s.enum(['privileged', 'baseline', 'restricted']),
        istioInjection: s.enum(['enabled', 'disabled']),
        dataplaneMode: s.enum(['ambient', 'none']),
        controlPlane: label,
        operatorManaged: label,
      },
      ['name'],
    ),
    { key: 'name' },
  ),
  ingressGateway: v.group('The `istio-ingressgateway` Gateway resource in front of Kubeflow.', {
    enabled: v.bool(true, 'Create the Gateway.'),
    hosts: v.list<string>(
      ['*'],
      'Hosts the gateway serves (`*`, a DNS name or `*.domain`, optionally after `namespace/`).',
      s.string({ pattern: ISTIO_HOST }),
    ),
    tls: v.group('HTTPS on the gateway.', {
      enabled: v.bool(false, 'Serve HTTPS on port 443 with the certificate in `credentialName`.'),
      credentialName: v.subdomain('', 'Secret (in the Istio namespace) with the TLS certificate and key.', { optional: true }),
      httpsRedirect: v.bool(false, 'Redirect HTTP to HTTPS.'),
    }),
  }),
  gatewayCredentials: v.group(
    'The `istio-ingressgateway-sds` Role and RoleBinding: the ingress gateway reads TLS secrets (`credentialName`) of its namespace.',
    {
      enabled: v.bool(true, 'Create them (leave `gateway.rbac.enabled` off).'),
    },
  ),
  authorizationPolicies: v.group("Mesh-wide deny by default, with the ingress gateway open (Kubeflow's apps allow their own traffic).", {
    enabled: v.bool(true, "Create `global-deny-all` and the gateway's allow policy."),
  }),
  sidecars: v.group('Sidecar resources limiting what proxies can reach.', {
    egressHosts: v.list<string>(
      ['./*', 'kubeflow/*', 'kubeflow-system/*', 'knative-serving/*', 'knative-eventing/*', 'istio-system/*'],
      'Hosts every sidecar of the mesh can reach (the default Sidecar): `namespace/host`, `./*` for the own namespace.',
      s.string({ pattern: ISTIO_HOST }),
    ),
    exceptionsNamespace: v.dnsLabel(
      'kubeflow',
      'Namespace of the Kubeflow workloads that may reach any host (pipelines UI, notebook controller).',
    ),
  }),
  networkPolicies: v.group('Ingress NetworkPolicies of the Istio namespace (standalone installs).', {
    enabled: v.bool(false, 'Create them: istiod control plane and webhook, Knative to the gateways, same namespace.'),
  }),
  istiod,
  gateway,
  ztunnel,
  base,
};

export interface NamespaceItem {
  name: string;
  podSecurity?: string;
  istioInjection?: string;
  dataplaneMode?: string;
  controlPlane?: string;
  operatorManaged?: string;
}
export { namespaceItem };
