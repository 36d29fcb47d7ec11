import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { pick, when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { late } from '../../core/stages.js';
import { configMaps } from './config.js';
import { knativeServingCrds } from './crds.js';
import { info } from './info.js';
import { labels } from './labels.js';
import { meshPolicies, networkPolicies } from './policies.js';
import { netIstio } from './net-istio.js';
import { rbac } from './rbac.js';
import type { CachedImage, KnativeCertificate } from './resources.js';
import type { values } from './values.js';
import { servingWebhooks } from './webhooks.js';
import {
  cpuAutoscaler,
  disruptionBudget,
  env,
  knativeDeployment,
  knativeService,
  METRICS_PORTS,
  METRICS_SERVICE_PORTS,
  POD_IP,
  POD_NAME,
  SYSTEM_ENV,
} from './workloads.js';

/**
 * Knative Serving 1.21 with net-istio, as Kubeflow installs it (upstream's `gateways` overlay):
 * request-driven autoscaling, scale to zero and revisions for KServe's InferenceServices.
 */
export class KnativeServing extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    new k8s.KubeNamespace(this, 'namespace', {
      metadata: {
        labels: {
          ...labels(),
          'istio-injection': pick(v.istio.sidecarInjection, 'enabled', 'disabled'),
          'pod-security.kubernetes.io/enforce': v.podSecurity,
        },
        name: v.namespace,
      },
    });
    when(this, 'crds', v.crds.install, (s) => knativeServingCrds(s));
    rbac(this, v.namespace);
    configMaps(this, v, (component) => labels(component));
    this.controlPlane();
    servingWebhooks(this, v.namespace);
    netIstio(this, v);
    this.cachingAndCertificates();
    meshPolicies(this, v);
    when(this, 'network-policies', v.networkPolicies.enabled, (s) => networkPolicies(s, v));
  }

  /** controller, activator, autoscaler and webhook, with their Services, budgets and autoscalers. */
  private controlPlane(): void {
    const v = this.v;
    const ns = v.namespace;
    const service = (
      name: string,
      component: string,
      ports: { name: string; port: number; targetPort: number }[],
      extra: Record<string, string> = {},
      type?: string,
    ) =>
      knativeService(
        this,
        `service-${name}`,
        { labels: { app: component, ...labels(component), ...extra }, name, namespace: ns },
        [...METRICS_SERVICE_PORTS, ...ports],
        { app: component, ...extra },
        type,
      );

    knativeDeployment(this, {
      name: 'activator',
      namespace: ns,
      labels: labels('activator'),
      component: 'activator',
      role: true,
      spread: true,
      serviceAccountName: 'activator',
      terminationGracePeriodSeconds: 600,
      container: {
        name: 'activator',
        image: v.activator.image,
        resources: v.activator.resources,
        readOnlyRootFilesystem: true,
        env: [env('GOGC', '500'), POD_NAME, POD_IP, ...SYSTEM_ENV],
        ports: [...METRICS_PORTS, { containerPort: 8012, name: 'http1' }, { containerPort: 8013, name: 'h2c' }],
        liveness: { port: 8012, failureThreshold: 12, initialDelaySeconds: 15, periodSeconds: 10 },
        readiness: { port: 8012, failureThreshold: 5, periodSeconds: 5 },
      },
    });
    service(
      'activator-service',
      'activator',
      [
        { name: 'http', port: 80, targetPort: 8012 },
        { name: 'http2', port: 81, targetPort: 8013 },
        { name: 'https', port: 443, targetPort: 8112 },
      ],
      {},
      'ClusterIP',
    );
    disruptionBudget(this, 'activator', ns, 'activator');
    cpuAutoscaler(this, 'activator', ns, v.activator.minReplicas, v.activator.maxReplicas);

    knativeDeployment(this, {
      name: 'autoscaler',
      namespace: ns,
      labels: labels('autoscaler'),
      component: 'autoscaler',
      spread: true,
      serviceAccountName: 'controller',
      replicas: v.autoscaler.replicas,
      strategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(0) }, type: 'RollingUpdate' },
      container: {
        name: 'autoscaler',
        image: v.autoscaler.image,
        resources: v.autoscaler.resources,
        readOnlyRootFilesystem: true,
        env: [POD_NAME, POD_IP, ...SYSTEM_ENV],
        ports: [...METRICS_PORTS, { containerPort: 8080, name: 'websocket' }],
        liveness: { port: 8080, failureThreshold: 6 },
        readiness: { port: 8080 },
      },
    });
    service('autoscaler', 'autoscaler', [{ name: 'http', port: 8080, targetPort: 8080 }]);

    knativeDeployment(this, {
      name: 'controller',
      namespace: ns,
      labels: labels('controller'),
      component: 'controller',
      spread: true,
      serviceAccountName: 'controller',
      container: {
        name: 'controller',
        image: v.controller.image,
        resources: v.controller.resources,
        readOnlyRootFilesystem: true,
        env: [POD_NAME, ...SYSTEM_ENV],
        ports: [...METRICS_PORTS, { containerPort: 8080, name: 'probes' }],
        liveness: { port: 'probes', path: '/health', scheme: 'HTTP', failureThreshold: 6, periodSeconds: 5 },
        readiness: { port: 'probes', path: '/readiness', scheme: 'HTTP', failureThreshold: 3, periodSeconds: 5 },
      },
    });
    service('controller', 'controller', []);

    knativeDeployment(this, {
      name: 'webhook',
      namespace: ns,
      labels: labels('webhook'),
      component: 'webhook',
      role: true,
      spread: true,
      serviceAccountName: 'controller',
      terminationGracePeriodSeconds: 300,
      container: {
        name: 'webhook',
        image: v.webhook.image,
        resources: v.webhook.resources,
        readOnlyRootFilesystem: true,
        env: [POD_NAME, ...SYSTEM_ENV, env('WEBHOOK_NAME', 'webhook'), env('WEBHOOK_PORT', '8443')],
        ports: [...METRICS_PORTS, { containerPort: 8443, name: 'https-webhook' }],
        liveness: { port: 8443, scheme: 'HTTPS', failureThreshold: 6, initialDelaySeconds: 20, periodSeconds: 10 },
        readiness: { port: 8443, scheme: 'HTTPS', periodSeconds: 1 },
      },
    });
    service('webhook', 'webhook', [{ name: 'https-webhook', port: 443, targetPort: 8443 }], { role: 'webhook' });
    disruptionBudget(this, 'webhook', ns, 'webhook');
    cpuAutoscaler(this, 'webhook', ns, v.webhook.minReplicas, v.webhook.maxReplicas);
    // the webhook writes its serving certificate here at start-up
    new k8s.KubeSecret(this, 'webhook-certs', { metadata: { labels: labels('webhook'), name: 'webhook-certs', namespace: ns } });
  }

  /** The queue-proxy image cache entry and the system-internal certificate of the routing layer. */
  private cachingAndCertificates(): void {
    const v = this.v;
    customObject<CachedImage>(this, 'image-queue-proxy', {
      apiVersion: 'caching.internal.knative.dev/v1alpha1',
      kind: 'Image',
      metadata: { labels: labels('queue-proxy'), name: 'queue-proxy', namespace: v.namespace },
      spec: { image: v.queueProxy.image.ref },
    });
    // checked by Knative's own webhook: applied once it runs (src/core/stages.ts)
    late(this, 'late', v.global.stage, (l) =>
      customObject<KnativeCertificate>(l, 'certificate-routing', {
        apiVersion: 'networking.internal.knative.dev/v1alpha1',
        kind: 'Certificate',
        metadata: {
          annotations: { 'networking.knative.dev/certificate.class': 'cert-manager.certificate.networking.knative.dev' },
          labels: { 'networking.knative.dev/certificate-type': 'system-internal' },
          name: 'routing-serving-certs',
          namespace: v.namespace,
        },
        spec: { dnsNames: ['kn-routing', 'data-plane.knative.dev'], secretName: 'routing-serving-certs' },
      }),
    );
  }
}
