import type { k8s } from 'cdk8s-plus-33';
import { gatewayValue, INGRESS_GATEWAY_PRINCIPAL } from '../../lib/istio.js';
import { envVarSchema, scheduling } from '../../lib/k8s-values.js';
import { s } from '../../core/schema.js';
import { v } from '../../core/values.js';

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the web app.'),
  image: v.image(
    { registry: 'ghcr.io', repository: 'kserve/models-web-app', tag: '0.16.1', pullPolicy: 'Always' },
    'Models web app image.',
  ),
  replicas: v.int(1, 'Web app replicas.', { minimum: 0 }),
  resources: v.resources({}, 'Resources of the web app container.'),
  ...scheduling(),
  prefix: v.str(
    '/kserve-endpoints',
    'URL path under which the gateway serves the UI (APP_PREFIX; the VirtualService matches `<prefix>/`).',
    { pattern: '^(/[-A-Za-z0-9_.~]+)+$' },
  ),
  userIdHeader: v.headerName('kubeflow-userid', 'Request header that carries the user identity (set by the auth proxy).'),
  userIdPrefix: v.line('', 'Prefix the auth proxy puts before the user id in that header.'),
  grafana: v.group('Links from the UI to Grafana dashboards of Knative revisions.', {
    prefix: v.urlOrPath('/grafana', 'URL path (or URL) of Grafana (GRAFANA_PREFIX).'),
    cpuMemoryDashboard: v.str(
      'db/knative-serving-revision-cpu-and-memory-usage',
      'Dashboard of CPU and memory use (GRAFANA_CPU_MEMORY_DB).',
      s.plainText({ minLength: 1 }),
    ),
    httpRequestsDashboard: v.str(
      'db/knative-serving-revision-http-requests',
      'Dashboard of HTTP requests (GRAFANA_HTTP_REQUESTS_DB).',
      s.plainText({ minLength: 1 }),
    ),
  }),
  gunicornArgs: v.line('--limit-request-field_size 32000', 'GUNICORN_CMD_ARGS of the backend (large headers carry the auth cookies).'),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in the service hostname the VirtualService routes to.'),
  extraEnv: v.list<k8s.EnvVar>([], 'Environment variables appended to the web app container.', envVarSchema(), { omitEmpty: true }),
  istio: v.group('Istio integration.', {
    gateway: gatewayValue(
      'kubeflow/kubeflow-gateway',
      "Gateway (`namespace/name`, or a name in the web app's namespace) the VirtualService binds to.",
    ),
    ingressGatewayPrincipal: v.str(
      INGRESS_GATEWAY_PRINCIPAL,
      'Principal of the ingress gateway, the only caller the AuthorizationPolicy allows (`<trust domain>/ns/<namespace>/sa/<service account>`).',
      s.principal(),
    ),
  }),
};
