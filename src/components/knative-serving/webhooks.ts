import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { labels } from './labels.js';

/** Resources the Serving webhook defaults and validates. */
const RESOURCES = [
  'metrics',
  'podautoscalers',
  'certificates',
  'ingresses',
  'serverlessservices',
  'configurations',
  'revisions',
  'routes',
  'services',
  'domainmappings',
  'domainmappings/status',
];
const GROUPS = ['autoscaling.internal.knative.dev', 'networking.internal.knative.dev', 'serving.knative.dev'];
/** Components whose ConfigMaps the config webhook validates (by `app.kubernetes.io/component`). */
const CONFIG_COMPONENTS = ['autoscaler', 'controller', 'logging', 'networking', 'observability', 'tracing', 'net-certmanager'];

/** The Serving webhook's registrations: defaulting, resource validation, config validation. */
export function servingWebhooks(scope: Construct, ns: string): void {
  const meta = (name: string) => ({ labels: labels('webhook'), name });
  const base = (name: string) => ({
    admissionReviewVersions: ['v1', 'v1beta1'],
    clientConfig: { service: { name: 'webhook', namespace: ns } },
    failurePolicy: 'Fail',
    name,
  });
  const rules = (operations: string[]) => [{ apiGroups: GROUPS, apiVersions: ['*'], operations, resources: RESOURCES, scope: '*' }];
  new k8s.KubeMutatingWebhookConfiguration(scope, 'mutating-serving', {
    metadata: meta('webhook.serving.knative.dev'),
    webhooks: [{ ...base('webhook.serving.knative.dev'), rules: rules(['CREATE', 'UPDATE']), sideEffects: 'None', timeoutSeconds: 10 }],
  });
  new k8s.KubeValidatingWebhookConfiguration(scope, 'validating-serving-config', {
    metadata: meta('config.webhook.serving.knative.dev'),
    webhooks: [
      {
        ...base('config.webhook.serving.knative.dev'),
        objectSelector: {
          matchExpressions: [
            { key: 'app.kubernetes.io/name', operator: 'In', values: ['knative-serving'] },
            { key: 'app.kubernetes.io/component', operator: 'In', values: CONFIG_COMPONENTS },
          ],
        },
        sideEffects: 'None',
        timeoutSeconds: 10,
      },
    ],
  });
  new k8s.KubeValidatingWebhookConfiguration(scope, 'validating-serving', {
    metadata: meta('validation.webhook.serving.knative.dev'),
    webhooks: [
      {
        ...base('validation.webhook.serving.knative.dev'),
        rules: rules(['CREATE', 'UPDATE', 'DELETE']),
        sideEffects: 'None',
        timeoutSeconds: 10,
      },
    ],
  });
}
