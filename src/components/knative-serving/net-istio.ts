import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway';
import type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { customObject } from '../../core/custom-object.js';
import type { Access, Group } from '../../core/values.js';
import { netIstioLabels } from './labels.js';
import type { values } from './values.js';
import { env, knativeDeployment, knativeService, METRICS_PORTS, SYSTEM_ENV } from './workloads.js';

type Values = Access<Group<typeof values>>;
const WEBHOOK = 'net-istio-webhook';
const WEBHOOK_LABELS = { 'app.kubernetes.io/component': 'net-istio', 'app.kubernetes.io/name': 'knative-serving' };

/**
 * net-istio: turns Knative Ingresses into Istio VirtualServices. Its controller and webhook, the
 * cluster-local gateway Knative routes internal traffic through (a Service in the Istio namespace
 * in front of Kubeflow's cluster-local-gateway pods, and its Gateway), and mTLS exceptions for the
 * webhooks the API server calls.
 */
export function netIstio(scope: Construct, v: Values): void {
  const ns = v.namespace;
  const metrics = { name: 'METRICS_DOMAIN', value: 'knative.dev/net-istio' };
  knativeDeployment(scope, {
    name: 'net-istio-controller',
    namespace: ns,
    labels: netIstioLabels(),
    component: 'net-istio',
    spread: false,
    serviceAccountName: 'controller',
    container: {
      name: 'controller',
      image: v.netIstio.controller.image,
      resources: v.netIstio.controller.resources,
      readOnlyRootFilesystem: true,
      env: [...SYSTEM_ENV, env('ENABLE_SECRET_INFORMER_FILTERING_BY_CERT_UID', 'false'), metrics],
      ports: [...METRICS_PORTS, { containerPort: 8080, name: 'probes' }],
      liveness: { port: 'probes', path: '/health', scheme: 'HTTP', failureThreshold: 6, periodSeconds: 5 },
      readiness: { port: 'probes', path: '/readiness', scheme: 'HTTP', failureThreshold: 3, periodSeconds: 5 },
    },
  });
  knativeDeployment(scope, {
    name: WEBHOOK,
    namespace: ns,
    labels: netIstioLabels(),
    component: 'net-istio',
    role: true,
    spread: false,
    serviceAccountName: 'controller',
    container: {
      name: 'webhook',
      image: v.netIstio.webhook.image,
      resources: v.netIstio.webhook.resources,
      readOnlyRootFilesystem: false,
      env: [...SYSTEM_ENV, metrics, env('WEBHOOK_NAME', WEBHOOK), env('WEBHOOK_PORT', '8443')],
      ports: [...METRICS_PORTS, { containerPort: 8443, name: 'https-webhook' }],
      liveness: { port: 8443, scheme: 'HTTPS', failureThreshold: 6, initialDelaySeconds: 20, periodSeconds: 10 },
      readiness: { port: 8443, scheme: 'HTTPS', failureThreshold: 3, periodSeconds: 1 },
    },
  });
  knativeService(
    scope,
    'service-net-istio-webhook',
    { labels: netIstioLabels({ role: WEBHOOK }), name: WEBHOOK, namespace: ns },
    [
      { name: 'http-metrics', port: 9090, targetPort: 'metrics' },
      { name: 'http-profiling', port: 8008, targetPort: 'profiling' },
      { name: 'https-webhook', port: 443, targetPort: 'https-webhook' },
    ],
    { app: WEBHOOK },
  );
  new k8s.KubeSecret(scope, 'net-istio-webhook-certs', {
    metadata: { labels: netIstioLabels(), name: 'net-istio-webhook-certs', namespace: ns },
  });

  knativeService(
    scope,
    'service-knative-local-gateway',
    {
      labels: netIstioLabels({ 'experimental.istio.io/disable-gateway-port-translation': 'true' }),
      name: 'knative-local-gateway',
      namespace: v.istio.namespace,
    },
    [
      { name: 'http2', port: 80, targetPort: 8081 },
      { name: 'https', port: 443, targetPort: 8444 },
    ],
    v.istio.localGatewaySelector,
    'ClusterIP',
  );
  customObject<IGateway>(scope, 'gateway-knative-local', {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'Gateway',
    metadata: { labels: netIstioLabels(), name: 'knative-local-gateway', namespace: ns },
    spec: { selector: v.istio.localGatewaySelector, servers: [{ hosts: ['*'], port: { name: 'http', number: 8081, protocol: 'HTTP' } }] },
  });

  // the API server calls the webhooks without a sidecar: plain TLS on 8443
  for (const app of [WEBHOOK, 'webhook']) {
    customObject<IPeerAuthentication>(scope, `peer-authentication-${app}`, {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'PeerAuthentication',
      metadata: { labels: netIstioLabels(), name: app, namespace: ns },
      spec: { portLevelMtls: { 8443: { mode: 'PERMISSIVE' } }, selector: { matchLabels: { app } } },
    });
  }

  const client = { service: { name: WEBHOOK, namespace: ns } };
  new k8s.KubeMutatingWebhookConfiguration(scope, 'mutating-net-istio', {
    metadata: { labels: netIstioLabels(), name: 'webhook.istio.networking.internal.knative.dev' },
    webhooks: [
      {
        admissionReviewVersions: ['v1', 'v1beta1'],
        clientConfig: client,
        failurePolicy: 'Fail',
        name: 'webhook.istio.networking.internal.knative.dev',
        objectSelector: { matchExpressions: [{ key: 'serving.knative.dev/configuration', operator: 'Exists' }] },
        sideEffects: 'None',
      },
    ],
  });
  new k8s.KubeValidatingWebhookConfiguration(scope, 'validating-net-istio-config', {
    metadata: { labels: netIstioLabels(), name: 'config.webhook.istio.networking.internal.knative.dev' },
    webhooks: [
      {
        admissionReviewVersions: ['v1', 'v1beta1'],
        clientConfig: client,
        failurePolicy: 'Fail',
        name: 'config.webhook.istio.networking.internal.knative.dev',
        objectSelector: { matchLabels: WEBHOOK_LABELS },
        sideEffects: 'None',
      },
    ],
  });
}
