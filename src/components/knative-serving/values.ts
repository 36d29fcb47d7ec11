import { s } from '../../core/schema.js';
import type { JsonSchema } from '../../core/schema.js';
import { v, type ImageValue, type Leaf } from '../../core/values.js';
import { set, type Setting } from './settings.js';

const REGISTRY = 'gcr.io';
const serving = (cmd: string, digest: string): ImageValue => ({
  registry: REGISTRY,
  repository: `knative-releases/knative.dev/serving/cmd/${cmd}`,
  tag: 'v1.21.1',
  digest,
});
const netIstio = (cmd: string, digest: string): ImageValue => ({
  registry: REGISTRY,
  repository: `knative-releases/knative.dev/net-istio/cmd/${cmd}`,
  tag: 'v1.21.0',
  digest,
});

/** A ConfigMap data key (Kubernetes' grammar). */
const CONFIG_MAP_KEY = s.string({ pattern: '^[-._a-zA-Z0-9]+$', maxLength: 253 });

/** The typed settings of one ConfigMap plus `extra`: more keys, written as given (never a typed one's key). */
function withExtra<C extends Record<string, Setting<any>>>(settings: C, cm: string): C & { extra: Leaf<Record<string, string>> } {
  const taken = ['_example', ...Object.values(settings).map((x) => x.key), ...(cm === 'config-deployment' ? ['queue-sidecar-image'] : [])];
  const extra = v.map<string>(
    {},
    `More keys of \`${cm}\` (Knative's own key names and text), written as given. Keys of the typed values above are rejected: set those instead.`,
    s.string(),
    { keys: CONFIG_MAP_KEY },
  );
  return { ...settings, extra: { ...extra, schema: { ...extra.schema, propertyNames: { not: { enum: taken } } } as JsonSchema } };
}

const workload = (name: string, image: ImageValue, resources: { limits: Record<string, string>; requests: Record<string, string> }) => ({
  image: v.image(image, `${name} image (pinned by digest, as upstream).`),
  resources: v.resources(resources, `Resources of the ${name} container.`),
});

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'dpanic', 'panic', 'fatal'] as const;
const logLevel = (component: string) => set.oneOf(`loglevel.${component}`, LOG_LEVELS, 'info', `Log level of ${component}.`);

export const values = {
  namespace: v.dnsLabel(
    'knative-serving',
    'Namespace of Knative Serving (created by this chart). Knative finds its config maps through it.',
  ),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain (the mesh TLS rule covers `*.<namespace>.svc.<clusterDomain>`).'),
  podSecurity: v.oneOf(['privileged', 'baseline', 'restricted'], 'restricted', 'Pod Security Standard enforced on the namespace.'),
  istio: v.group('Istio (net-istio is the networking layer).', {
    namespace: v.dnsLabel('istio-system', 'Namespace of the Istio gateways (holds the `knative-local-gateway` Service).'),
    sidecarInjection: v.bool(true, "Label the namespace `istio-injection: enabled` (Knative's pods run in the mesh, as in Kubeflow)."),
    localGatewaySelector: v.labelMap(
      { app: 'cluster-local-gateway', istio: 'cluster-local-gateway' },
      "Pod labels of the cluster-local Istio gateway (Kubeflow's `cluster-local-gateway` component) that serves `knative-local-gateway`.",
    ),
    ingressGateway: v.group('The external gateway Knative routes bind to (`gateway.<namespace>.<name>` in `config-istio`).', {
      namespace: v.dnsLabel('kubeflow', 'Namespace of the Istio Gateway.'),
      name: v.subdomain('kubeflow-gateway', 'Name of the Istio Gateway.'),
      service: v.subdomain('istio-ingressgateway.istio-system.svc.cluster.local', "Service (host name) of the gateway's pods."),
    }),
  }),
  controller: v.group(
    'The Serving controller.',
    workload('controller', serving('controller', 'sha256:622546def05a9b181123d35ede4e4a6e60d7751ae558ea2c5306978b30c24d5c'), {
      limits: { cpu: '1000m', memory: '1000Mi' },
      requests: { cpu: '100m', memory: '100Mi' },
    }),
  ),
  activator: v.group('The activator (buffers requests of revisions scaled to zero); scaled by a HorizontalPodAutoscaler.', {
    ...workload('activator', serving('activator', 'sha256:cf8d126fc08e596b742025f6e53c97abf921f7bd6394d29c200e79c1c323dc6e'), {
      limits: { cpu: '1000m', memory: '600Mi' },
      requests: { cpu: '300m', memory: '60Mi' },
    }),
    minReplicas: v.int(1, 'Fewest activator replicas.', { minimum: 1 }),
    maxReplicas: v.int(20, 'Most activator replicas.', { minimum: 1 }),
  }),
  autoscaler: v.group('The autoscaler (Knative Pod Autoscaler).', {
    ...workload('autoscaler', serving('autoscaler', 'sha256:35045ef7c35c6151f0565094cc5ec240a886ba2e5a844366b22a074342af3edf'), {
      limits: { cpu: '1000m', memory: '1000Mi' },
      requests: { cpu: '100m', memory: '100Mi' },
    }),
    replicas: v.int(1, 'Autoscaler replicas.', { minimum: 0 }),
  }),
  webhook: v.group('The Serving admission webhook; scaled by a HorizontalPodAutoscaler.', {
    ...workload('webhook', serving('webhook', 'sha256:8754cefd1f1db905495de5ba707b37459cc212b830d40962162654986d264d74'), {
      limits: { cpu: '500m', memory: '500Mi' },
      requests: { cpu: '100m', memory: '100Mi' },
    }),
    minReplicas: v.int(1, 'Fewest webhook replicas.', { minimum: 1 }),
    maxReplicas: v.int(5, 'Most webhook replicas.', { minimum: 1 }),
  }),
  queueProxy: v.group('The queue-proxy sidecar Knative adds to every revision pod.', {
    image: v.image(
      serving('queue', 'sha256:40957d3ced3b185b7a78bbd771be69b0a13137dcbee5ff7f82ae738b56037d9c'),
      'queue-proxy image (`queue-sidecar-image` of config-deployment, and the cached Image).',
    ),
  }),
  netIstio: v.group('net-istio, the Istio networking layer.', {
    controller: v.group(
      'net-istio controller.',
      workload('net-istio controller', netIstio('controller', 'sha256:915a3a9b8caea8cceb59258ca2b941c83f0ab230aef5c1dd3b9499574ac3f379'), {
        limits: { cpu: '300m', memory: '400Mi' },
        requests: { cpu: '30m', memory: '40Mi' },
      }),
    ),
    webhook: v.group(
      'net-istio webhook.',
      workload('net-istio webhook', netIstio('webhook', 'sha256:4d9c50245aeafb269876d05ddb95d235372abfe2b2ac1c9d8c7cd3a2ccf2d6b7'), {
        limits: { cpu: '200m', memory: '200Mi' },
        requests: { cpu: '20m', memory: '20Mi' },
      }),
    ),
  }),
  config: v.group(
    "Knative Serving settings, one group per config ConfigMap. Typed values are null by default: the key stays unset and Knative's built-in default applies.",
    {
      autoscaler: v.group(
        '`config-autoscaler`: revision autoscaling.',
        withExtra(
          {
            enableScaleToZero: set.bool('enable-scale-to-zero', 'true', 'Let idle revisions scale to zero pods.'),
            scaleToZeroGracePeriod: set.duration(
              'scale-to-zero-grace-period',
              '30s',
              'How long the last pod stays after the decision to scale to zero.',
            ),
            scaleToZeroPodRetentionPeriod: set.duration(
              'scale-to-zero-pod-retention-period',
              '0s',
              'Least time the last pod stays after traffic stops.',
            ),
            minScale: set.int('min-scale', '0', 'Fewest pods of every revision (per-revision annotations override it).', { minimum: 0 }),
            maxScale: set.int('max-scale', '0', 'Most pods of every revision; 0 is unbounded.', { minimum: 0 }),
            maxScaleLimit: set.int('max-scale-limit', '0', 'Highest max-scale a revision may ask for; 0 is no limit.', { minimum: 0 }),
            initialScale: set.int('initial-scale', '1', 'Pods a new revision starts with.', { minimum: 0 }),
            allowZeroInitialScale: set.bool('allow-zero-initial-scale', 'false', 'Let revisions start with zero pods.'),
            scaleDownDelay: set.duration('scale-down-delay', '0s', 'How long load must stay lower before scaling down.'),
            containerConcurrencyTargetDefault: set.num(
              'container-concurrency-target-default',
              '100',
              'Target of concurrent requests per pod (soft limit).',
              { minimum: 0.01 },
            ),
            containerConcurrencyTargetPercentage: set.num(
              'container-concurrency-target-percentage',
              '70',
              'Percentage of the concurrency limit the autoscaler aims at.',
              { minimum: 1, maximum: 100 },
            ),
            requestsPerSecondTargetDefault: set.num(
              'requests-per-second-target-default',
              '200',
              'Target of requests per second per pod (rps metric).',
              { minimum: 0.01 },
            ),
            targetBurstCapacity: set.num(
              'target-burst-capacity',
              '211',
              'Spare request capacity kept before the activator leaves the path; -1 keeps the activator always, 0 only at zero pods.',
              { minimum: -1 },
            ),
            stableWindow: set.duration('stable-window', '60s', 'Window the autoscaler averages metrics over (6s–1h).'),
            panicWindowPercentage: set.num('panic-window-percentage', '10.0', 'Panic window as a percentage of the stable window.', {
              minimum: 1,
              maximum: 100,
            }),
            panicThresholdPercentage: set.num(
              'panic-threshold-percentage',
              '200.0',
              'Load (percent of the target) that switches to panic mode.',
              { minimum: 110 },
            ),
            maxScaleUpRate: set.num('max-scale-up-rate', '1000.0', 'Largest factor pods may grow by in one step.', { minimum: 1 }),
            maxScaleDownRate: set.num('max-scale-down-rate', '2.0', 'Largest factor pods may shrink by in one step.', { minimum: 1 }),
            podAutoscalerClass: set.oneOf(
              'pod-autoscaler-class',
              ['kpa.autoscaling.knative.dev', 'hpa.autoscaling.knative.dev'],
              'kpa.autoscaling.knative.dev',
              "Autoscaler implementation: Knative's (KPA) or the HorizontalPodAutoscaler.",
            ),
            activatorCapacity: set.num('activator-capacity', '100.0', 'Concurrent requests one activator takes.', { minimum: 1 }),
          },
          'config-autoscaler',
        ),
      ),
      defaults: v.group(
        '`config-defaults`: what revisions get when they do not say.',
        withExtra(
          {
            revisionTimeoutSeconds: set.int('revision-timeout-seconds', '300', 'Request timeout of revisions.', { minimum: 1 }),
            maxRevisionTimeoutSeconds: set.int('max-revision-timeout-seconds', '600', 'Highest request timeout a revision may set.', {
              minimum: 1,
            }),
            revisionResponseStartTimeoutSeconds: set.int(
              'revision-response-start-timeout-seconds',
              undefined,
              'Time until the first response byte; unset means the request timeout.',
              { minimum: 1 },
            ),
            revisionIdleTimeoutSeconds: set.int('revision-idle-timeout-seconds', '0', 'Longest time without response bytes; 0 is none.', {
              minimum: 0,
            }),
            revisionCpuRequest: set.quantity('revision-cpu-request', undefined, 'CPU request of user containers that set none.'),
            revisionMemoryRequest: set.quantity('revision-memory-request', undefined, 'Memory request of user containers that set none.'),
            revisionEphemeralStorageRequest: set.quantity(
              'revision-ephemeral-storage-request',
              undefined,
              'Ephemeral storage request of user containers that set none.',
            ),
            revisionCpuLimit: set.quantity('revision-cpu-limit', undefined, 'CPU limit of user containers that set none.'),
            revisionMemoryLimit: set.quantity('revision-memory-limit', undefined, 'Memory limit of user containers that set none.'),
            revisionEphemeralStorageLimit: set.quantity(
              'revision-ephemeral-storage-limit',
              undefined,
              'Ephemeral storage limit of user containers that set none.',
            ),
            containerConcurrency: set.int('container-concurrency', '0', 'Hard limit of concurrent requests per pod; 0 is unlimited.', {
              minimum: 0,
            }),
            containerConcurrencyMaxLimit: set.int(
              'container-concurrency-max-limit',
              '1000',
              'Highest container concurrency a revision may set.',
              { minimum: 1 },
            ),
            allowContainerConcurrencyZero: set.bool(
              'allow-container-concurrency-zero',
              'true',
              'Let revisions set container concurrency 0 (unlimited).',
            ),
            enableServiceLinks: set.oneOf(
              'enable-service-links',
              ['true', 'false', 'default'],
              'false',
              "Service environment variables in revision pods (`default` leaves Kubernetes' choice).",
            ),
            containerNameTemplate: set.str(
              'container-name-template',
              'user-container',
              "Name of a revision's single container (a Go template).",
              { ...s.line(), minLength: 1 },
            ),
          },
          'config-defaults',
        ),
      ),
      deployment: v.group(
        '`config-deployment`: how revisions become Deployments.',
        withExtra(
          {
            progressDeadline: set.duration(
              'progress-deadline',
              '600s',
              'Time a revision may take to become ready before it fails (large models may need longer).',
            ),
            kubeflowProgressDeadline: {
              ...set.duration(
                'progressDeadline',
                undefined,
                "The key Kubeflow's overlay writes (`progressDeadline: 600s`); Knative 1.21 reads `progress-deadline` (`progressDeadline` above) and ignores this spelling. Kept so the default ConfigMap stays upstream's.",
              ),
              default: '600s' as string | null,
            },
            registriesSkippingTagResolving: set.str(
              'registries-skipping-tag-resolving',
              'kind.local,ko.local,dev.local',
              'Registries (comma-separated) whose tags are not resolved to digests.',
              { pattern: '^([^\\s,]+(,[^\\s,]+)*)?$' },
            ),
            digestResolutionTimeout: set.duration('digest-resolution-timeout', '10s', 'Time limit of resolving an image tag to a digest.'),
            queueSidecarCpuRequest: set.quantity('queue-sidecar-cpu-request', '25m', 'CPU request of the queue-proxy sidecar.'),
            queueSidecarCpuLimit: set.quantity('queue-sidecar-cpu-limit', undefined, 'CPU limit of the queue-proxy sidecar.'),
            queueSidecarMemoryRequest: set.quantity(
              'queue-sidecar-memory-request',
              undefined,
              'Memory request of the queue-proxy sidecar.',
            ),
            queueSidecarMemoryLimit: set.quantity('queue-sidecar-memory-limit', undefined, 'Memory limit of the queue-proxy sidecar.'),
            podIsAlwaysSchedulable: set.bool(
              'pod-is-always-schedulable',
              'false',
              'Treat unschedulable pods as pending instead of failing the revision (cluster autoscalers).',
            ),
          },
          'config-deployment',
        ),
      ),
      domain: v.group('`config-domain`: the domain suffix of routes.', {
        name: v.subdomain('example.com', 'Default domain suffix of routes (`<service>.<namespace>.<domain>`).'),
        extra: v.map<string>(
          {},
          "More domains: domain → Knative's selector text (e.g. `selector:\\n  app: public`) for routes whose labels match.",
          s.string(),
          { keys: s.subdomain() },
        ),
      }),
      features: v.group(
        '`config-features`: optional Kubernetes fields and behaviours of revisions.',
        withExtra(
          {
            multiContainer: set.feature('multi-container', 'enabled', 'Several containers per revision.'),
            affinity: set.feature('kubernetes.podspec-affinity', 'disabled', 'Pod affinity in revisions.'),
            nodeSelector: set.feature('kubernetes.podspec-nodeselector', 'disabled', 'Node selectors in revisions.'),
            tolerations: set.feature('kubernetes.podspec-tolerations', 'disabled', 'Tolerations in revisions.'),
            topologySpreadConstraints: set.feature(
              'kubernetes.podspec-topologyspreadconstraints',
              'disabled',
              'Topology spread constraints in revisions.',
            ),
            fieldRef: set.feature('kubernetes.podspec-fieldref', 'disabled', 'Downward API env values (fieldRef, resourceFieldRef).'),
            securityContext: set.feature('kubernetes.podspec-securitycontext', 'disabled', 'The whole pod security context.'),
            runtimeClassName: set.feature('kubernetes.podspec-runtimeclassname', 'disabled', 'Runtime classes in revisions.'),
            priorityClassName: set.feature('kubernetes.podspec-priorityclassname', 'disabled', 'Priority classes in revisions.'),
            schedulerName: set.feature('kubernetes.podspec-schedulername', 'disabled', 'Scheduler names in revisions.'),
            dnsPolicy: set.feature('kubernetes.podspec-dnspolicy', 'disabled', 'DNS policy in revisions.'),
            dnsConfig: set.feature('kubernetes.podspec-dnsconfig', 'disabled', 'DNS config in revisions.'),
            hostAliases: set.feature('kubernetes.podspec-hostaliases', 'disabled', 'Host aliases in revisions.'),
            initContainers: set.feature('kubernetes.podspec-init-containers', 'disabled', 'Init containers in revisions.'),
            persistentVolumeClaim: set.feature(
              'kubernetes.podspec-persistent-volume-claim',
              'disabled',
              'PersistentVolumeClaim volumes in revisions.',
            ),
            persistentVolumeWrite: set.feature(
              'kubernetes.podspec-persistent-volume-write',
              'disabled',
              'Writable PersistentVolumeClaim volumes.',
            ),
            emptyDir: set.feature('kubernetes.podspec-volumes-emptydir', 'enabled', 'emptyDir volumes in revisions.'),
            hostPath: set.feature('kubernetes.podspec-volumes-hostpath', 'disabled', 'hostPath volumes in revisions.'),
            csi: set.feature('kubernetes.podspec-volumes-csi', 'disabled', 'CSI volumes in revisions.'),
            addCapabilities: set.feature('kubernetes.containerspec-addcapabilities', 'disabled', 'Added Linux capabilities in containers.'),
            tagHeaderBasedRouting: set.feature(
              'tag-header-based-routing',
              'disabled',
              'Routing to tagged revisions by the `Knative-Serving-Tag` header.',
            ),
            autodetectHttp2: set.feature('autodetect-http2', 'disabled', 'Detect HTTP/2 backends without a port name.'),
            securePodDefaults: set.oneOf(
              'secure-pod-defaults',
              ['enabled', 'disabled', 'root-allowed'],
              'disabled',
              'Restricted security defaults for revision containers.',
            ),
            queueProxyMountPodInfo: set.feature('queueproxy.mount-podinfo', 'disabled', 'Mount pod information into the queue-proxy.'),
          },
          'config-features',
        ),
      ),
      gc: v.group(
        '`config-gc`: garbage collection of old revisions.',
        withExtra(
          {
            retainSinceCreateTime: set.str(
              'retain-since-create-time',
              '48h',
              'Keep non-active revisions created within this time (a duration, or `disabled`).',
              { pattern: '^(disabled|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$' },
            ),
            retainSinceLastActiveTime: set.str(
              'retain-since-last-active-time',
              '15h',
              'Keep revisions active within this time (a duration, or `disabled`).',
              { pattern: '^(disabled|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$' },
            ),
            minNonActiveRevisions: set.int('min-non-active-revisions', '20', 'Non-active revisions always kept per configuration.', {
              minimum: 0,
            }),
            maxNonActiveRevisions: set.str(
              'max-non-active-revisions',
              '1000',
              'Most non-active revisions kept per configuration (a number, or `disabled`).',
              { pattern: '^(disabled|[0-9]+)$' },
            ),
          },
          'config-gc',
        ),
      ),
      leaderElection: v.group(
        '`config-leader-election`: leader election of the controllers.',
        withExtra(
          {
            leaseDuration: set.duration('lease-duration', '60s', 'Lease duration.'),
            renewDeadline: set.duration('renew-deadline', '40s', 'Renew deadline.'),
            retryPeriod: set.duration('retry-period', '10s', 'Retry period.'),
            buckets: set.int('buckets', '1', 'Buckets the work is split into (one leader each).', { minimum: 1, maximum: 10 }),
          },
          'config-leader-election',
        ),
      ),
      logging: v.group(
        '`config-logging`: log levels.',
        withExtra(
          {
            controller: logLevel('controller'),
            autoscaler: logLevel('autoscaler'),
            activator: logLevel('activator'),
            webhook: logLevel('webhook'),
            queueProxy: logLevel('queueproxy'),
            hpaAutoscaler: logLevel('hpaautoscaler'),
            netIstioController: logLevel('net-istio-controller'),
          },
          'config-logging',
        ),
      ),
      network: v.group(
        '`config-network`: ingress, domains and TLS.',
        withExtra(
          {
            ingressClass: set.str(
              'ingress-class',
              'istio.ingress.networking.knative.dev',
              'Ingress implementation routes use.',
              s.subdomain(),
            ),
            certificateClass: set.str(
              'certificate-class',
              'cert-manager.certificate.networking.knative.dev',
              'Certificate implementation for TLS.',
              s.subdomain(),
            ),
            domainTemplate: set.str('domain-template', '{{.Name}}.{{.Namespace}}.{{.Domain}}', "Go template of a route's host name.", {
              ...s.line(),
              minLength: 1,
            }),
            tagTemplate: set.str('tag-template', '{{.Tag}}-{{.Name}}', "Go template of a tagged route's name.", {
              ...s.line(),
              minLength: 1,
            }),
            externalDomainTls: set.oneOf(
              'external-domain-tls',
              ['Enabled', 'Disabled'],
              'Disabled',
              'TLS certificates for external domains (automatic TLS).',
            ),
            clusterLocalDomainTls: set.oneOf(
              'cluster-local-domain-tls',
              ['Enabled', 'Disabled'],
              'Disabled',
              'TLS certificates for cluster-local domains.',
            ),
            systemInternalTls: set.oneOf(
              'system-internal-tls',
              ['Enabled', 'Disabled'],
              'Disabled',
              'TLS between the activator, queue-proxy and ingress.',
            ),
            httpProtocol: set.oneOf(
              'http-protocol',
              ['Enabled', 'Disabled', 'Redirected'],
              'Enabled',
              'Plain HTTP on external routes when TLS is on.',
            ),
            defaultExternalScheme: set.oneOf('default-external-scheme', ['http', 'https'], 'http', 'Scheme of route URLs.'),
            rolloutDuration: set.int('rollout-duration', '0', 'Seconds over which traffic moves gradually to a new revision.', {
              minimum: 0,
            }),
            autocreateClusterDomainClaims: set.bool(
              'autocreate-cluster-domain-claims',
              'false',
              'Create ClusterDomainClaims for DomainMappings automatically.',
            ),
            enableMeshPodAddressability: set.bool(
              'enable-mesh-pod-addressability',
              'false',
              'Let mesh traffic reach revision pods directly.',
            ),
            meshCompatibilityMode: set.oneOf(
              'mesh-compatibility-mode',
              ['auto', 'enabled', 'disabled'],
              'auto',
              'How Knative probes behave with a service mesh.',
            ),
          },
          'config-network',
        ),
      ),
      observability: v.group(
        '`config-observability`: metrics, tracing and request logs.',
        withExtra(
          {
            metricsProtocol: set.oneOf(
              'metrics-protocol',
              ['none', 'prometheus', 'grpc', 'http/protobuf'],
              'none',
              'How the control plane exports metrics.',
            ),
            metricsEndpoint: set.str('metrics-endpoint', undefined, 'Metrics endpoint (OTLP URL, or `:port` for Prometheus).', s.line()),
            metricsExportInterval: set.duration('metrics-export-interval', undefined, 'Metrics export interval.'),
            requestMetricsProtocol: set.oneOf(
              'request-metrics-protocol',
              ['none', 'prometheus', 'grpc', 'http/protobuf'],
              'none',
              'How queue-proxy and activator export request metrics.',
            ),
            requestMetricsEndpoint: set.str('request-metrics-endpoint', undefined, 'Request metrics endpoint.', s.line()),
            tracingProtocol: set.oneOf('tracing-protocol', ['none', 'grpc', 'http/protobuf', 'stdout'], 'none', 'How traces are exported.'),
            tracingEndpoint: set.str('tracing-endpoint', undefined, 'Trace collector endpoint.', s.line()),
            tracingSamplingRate: set.num('tracing-sampling-rate', undefined, 'Share of requests traced (0–1).', { minimum: 0, maximum: 1 }),
            runtimeProfiling: set.oneOf('runtime-profiling', ['enabled', 'disabled'], 'disabled', 'pprof endpoints on port 8008.'),
            enableRequestLog: set.bool('logging.enable-request-log', 'false', 'Request logs of queue-proxy.'),
            requestLogTemplate: set.str('logging.request-log-template', undefined, 'Go template of a request log line.'),
            enableProbeRequestLog: set.bool('logging.enable-probe-request-log', 'false', 'Log probe requests too.'),
          },
          'config-observability',
        ),
      ),
      istio: v.group('`config-istio` (its gateway keys come from `istio.ingressGateway`).', withExtra({}, 'config-istio')),
      tracing: v.group('`config-tracing` (superseded by the tracing keys of `config-observability`).', withExtra({}, 'config-tracing')),
      certmanager: v.group(
        "`config-certmanager`: issuers for Knative's certificates (with `certificateClass` cert-manager).",
        withExtra(
          {
            issuerRef: set.issuer('issuerRef', 'Issuer of external-domain certificates.'),
            clusterLocalIssuerRef: set.issuer('clusterLocalIssuerRef', 'Issuer of cluster-local-domain certificates.'),
            systemInternalIssuerRef: set.issuer('systemInternalIssuerRef', 'Issuer of system-internal certificates.'),
          },
          'config-certmanager',
        ),
      ),
    },
  ),
  networkPolicies: v.group('NetworkPolicies of the namespace.', {
    enabled: v.bool(true, 'Allow only the namespace itself, the Istio gateways (to the activator) and the API server (to the webhooks).'),
  }),
  crds: v.group('CRDs.', {
    install: v.bool(true, 'Install the 12 Knative Serving CRDs; kept on uninstall.'),
  }),
};
