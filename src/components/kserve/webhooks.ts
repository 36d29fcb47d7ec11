import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { customObject } from '../../core/custom-object.js';
import { controllerGenStamp } from '../../lib/kubebuilder.js';

const KSERVE_SERVICE = 'kserve-webhook-server-service';
export const LLM_SERVICE = 'llmisvc-webhook-server-service';

interface Where {
  scope: Construct;
  ns: string;
  labels: Record<string, string>;
}
type Validator = ReturnType<typeof validator>;

/** A validating webhook of one KServe kind, served at controller-runtime's conventional path. */
export function validator(kind: string, version: string, service: string, operations = ['CREATE', 'UPDATE'], reviews = ['v1beta1']) {
  const lower = kind.toLowerCase();
  return {
    admissionReviewVersions: reviews,
    clientConfig: { service: { name: service, path: `/validate-serving-kserve-io-${version}-${lower}` } },
    failurePolicy: 'Fail',
    name: `${lower}.kserve-webhook-server.validator`,
    rules: [{ apiGroups: ['serving.kserve.io'], apiVersions: [version], operations, resources: [`${lower}s`] }],
    sideEffects: 'None',
  };
}

const inNs = <T extends { clientConfig: { service: { name: string; path: string } } }>(w: T, ns: string) => ({
  ...w,
  clientConfig: { service: { ...w.clientConfig.service, namespace: ns } },
});
const hookMeta = (w: Where, name: string, cert: string) => ({
  name,
  labels: w.labels,
  annotations: { 'cert-manager.io/inject-ca-from': `${w.ns}/${cert}` },
});

/** A cert-manager Certificate of a webhook Service, signed by the namespace's self-signed issuer. */
export function webhookCertificate(w: Where, name: string, service: string, secretName: string): void {
  customObject<ICertificate>(w.scope, name, {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name, namespace: w.ns, labels: w.labels },
    spec: {
      commonName: `${service}.${w.ns}.svc`,
      dnsNames: [`${service}.${w.ns}.svc`],
      issuerRef: { kind: 'Issuer', name: 'selfsigned-issuer' },
      secretName,
    },
  });
}

/** A ValidatingWebhookConfiguration named after the kind, whose CA cert-manager injects from `cert`. */
export function validatingWebhook(w: Where, id: string, hook: Validator, cert = 'serving-cert'): void {
  controllerGenStamp(
    new k8s.KubeValidatingWebhookConfiguration(w.scope, id, {
      metadata: hookMeta(w, `${hook.rules[0]!.resources[0]!.replace(/s$/, '')}.serving.kserve.io`, cert),
      webhooks: [inNs(hook, w.ns)],
    }),
  );
}

/**
 * The self-signed issuer, the KServe webhook server's certificate (cert-manager injects its CA into
 * the webhook configurations and the InferenceService CRD) and the KServe webhook configurations.
 */
export function kserveWebhooks(scope: Construct, ns: string, labels: Record<string, string>): void {
  const w = { scope, ns, labels };
  webhookCertificate(w, 'serving-cert', KSERVE_SERVICE, 'kserve-webhook-server-cert');
  customObject<IIssuer>(scope, 'selfsigned-issuer', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name: 'selfsigned-issuer', namespace: ns, labels },
    spec: { selfSigned: {} },
  });
  controllerGenStamp(
    new k8s.KubeMutatingWebhookConfiguration(scope, 'inferenceservice-mutating', {
      metadata: hookMeta(w, 'inferenceservice.serving.kserve.io', 'serving-cert'),
      webhooks: [
        inNs(
          {
            admissionReviewVersions: ['v1beta1'],
            clientConfig: { service: { name: KSERVE_SERVICE, path: '/mutate-serving-kserve-io-v1beta1-inferenceservice' } },
            failurePolicy: 'Fail',
            name: 'inferenceservice.kserve-webhook-server.defaulter',
            rules: [
              {
                apiGroups: ['serving.kserve.io'],
                apiVersions: ['v1beta1'],
                operations: ['CREATE', 'UPDATE'],
                resources: ['inferenceservices'],
              },
            ],
            sideEffects: 'None',
          },
          ns,
        ),
        inNs(
          {
            admissionReviewVersions: ['v1beta1'],
            clientConfig: { service: { name: KSERVE_SERVICE, path: '/mutate-pods' } },
            failurePolicy: 'Fail',
            name: 'inferenceservice.kserve-webhook-server.pod-mutator',
            namespaceSelector: { matchExpressions: [{ key: 'control-plane', operator: 'DoesNotExist' }] },
            objectSelector: { matchExpressions: [{ key: 'serving.kserve.io/inferenceservice', operator: 'Exists' }] },
            reinvocationPolicy: 'IfNeeded',
            rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
            sideEffects: 'None',
          },
          ns,
        ),
      ],
    }),
  );
  validatingWebhook(w, 'clusterservingruntime', validator('ClusterServingRuntime', 'v1alpha1', KSERVE_SERVICE));
  validatingWebhook(w, 'inferencegraph', validator('InferenceGraph', 'v1alpha1', KSERVE_SERVICE));
  validatingWebhook(w, 'inferenceservice', validator('InferenceService', 'v1beta1', KSERVE_SERVICE));
  validatingWebhook(w, 'localmodelcache', validator('LocalModelCache', 'v1alpha1', KSERVE_SERVICE, ['CREATE', 'UPDATE', 'DELETE']));
  validatingWebhook(w, 'servingruntime', validator('ServingRuntime', 'v1alpha1', KSERVE_SERVICE));
  validatingWebhook(w, 'trainedmodel', validator('TrainedModel', 'v1alpha1', KSERVE_SERVICE));
}
