import type { k8s } from 'cdk8s-plus-33';
import { envVarSchema, scheduling } from '../../lib/k8s-values.js';
import { v } from '../../core/values.js';

export const values = {
  namespace: v.str('kubeflow', 'Namespace of the web app.', { minLength: 1 }),
  image: v.image({ registry: 'ghcr.io', repository: 'kserve/models-web-app', tag: '0.16.1', pullPolicy: 'Always' }, 'Models web app image.'),
  replicas: v.int(1, 'Web app replicas.', { minimum: 0 }),
  resources: v.resources({}, 'Resources of the web app container.'),
  ...scheduling(),
  prefix: v.str('/kserve-endpoints', 'URL path under which the gateway serves the UI (APP_PREFIX; the VirtualService matches `<prefix>/`).', { pattern: '^/[^/].*[^/]$|^/[^/]$' }),
  userIdHeader: v.str('kubeflow-userid', 'Request header that carries the user identity (set by the auth proxy).', { minLength: 1 }),
  userIdPrefix: v.str('', 'Prefix the auth proxy puts before the user id in that header.'),
  grafana: v.group('Links from the UI to Grafana dashboards of Knative revisions.', {
    prefix: v.str('/grafana', 'URL path of Grafana (GRAFANA_PREFIX).', { minLength: 1 }),
    cpuMemoryDashboard: v.str('db/knative-serving-revision-cpu-and-memory-usage', 'Dashboard of CPU and memory use (GRAFANA_CPU_MEMORY_DB).', { minLength: 1 }),
    httpRequestsDashboard: v.str('db/knative-serving-revision-http-requests', 'Dashboard of HTTP requests (GRAFANA_HTTP_REQUESTS_DB).', { minLength: 1 }),
  }),
  gunicornArgs: v.str('--limit-request-field_size 32000', 'GUNICORN_CMD_ARGS of the backend (large headers carry the auth cookies).'),
  clusterDomain: v.str('cluster.local', 'Cluster DNS domain, used in the service hostname the VirtualService routes to.', { minLength: 1 }),
  extraEnv: v.list<k8s.EnvVar>([], 'Environment variables appended to the web app container.', envVarSchema(), { omitEmpty: true }),
  istio: v.group('Istio integration.', {
    gateway: v.strWithGlobal('auth.gateway', 'kubeflow/kubeflow-gateway', 'Gateway (`namespace/name`) the VirtualService binds to.', { minLength: 1 }),
    ingressGatewayPrincipal: v.str('cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
      'Principal of the ingress gateway, the only caller the AuthorizationPolicy allows.', { minLength: 1 }),
  }),
};
