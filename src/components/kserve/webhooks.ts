import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { customObject } from '../../core/custom-object.js';
import { controllerGenStamp } from '../../lib/kubebuilder.js';

const KSERVE_SERVICE = 'kserve-webhook-server-service';
const LLM_SERVICE = 'llmisvc-webhook-server-service';

/** A validating webhook of one KServe kind, served at controller-runtime's conventional path. */
function validator(kind: string, version: string, service: string, operations = ['CREATE', 'UPDATE'], reviews = ['v1beta1']) {
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

/**
 * The self-signed issuer and the certificates of the two webhook servers (cert-manager injects their
 * CA into the webhook configurations and the InferenceService CRD), and the webhook configurations.
 */
export function kserveWebhooks(scope: Construct, ns: string, labels: Record<string, string>): void {
  const meta = (name: string) => ({ name, namespace: ns, labels });
  const cert = (id: string, name: string, service: string, secretName: string) => customObject<ICertificate>(scope, id, {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: meta(name),
    spec: { commonName: `${service}.${ns}.svc`, dnsNames: [`${service}.${ns}.svc`], issuerRef: { kind: 'Issuer', name: 'selfsigned-issuer' }, secretName },
  });
  cert('llmisvc-serving-cert', 'llmisvc-serving-cert', LLM_SERVICE, 'llmisvc-webhook-server-cert');
  cert('serving-cert', 'serving-cert', KSERVE_SERVICE, 'kserve-webhook-server-cert');
  customObject<IIssuer>(scope, 'selfsigned-issuer', { apiVersion: 'cert-manager.io/v1', kind: 'Issuer', metadata: meta('selfsigned-issuer'), spec: { selfSigned: {} } });

  const inNs = <T extends { clientConfig: { service: { name: string; path: string } } }>(w: T) =>
    ({ ...w, clientConfig: { service: { ...w.clientConfig.service, namespace: ns } } });
  const hookMeta = (name: string, cert = 'serving-cert') => ({ name, labels, annotations: { 'cert-manager.io/inject-ca-from': `${ns}/${cert}` } });

  controllerGenStamp(new k8s.KubeMutatingWebhookConfiguration(scope, 'inferenceservice-mutating', {
    metadata: hookMeta('inferenceservice.serving.kserve.io'),
    webhooks: [
      inNs({
        admissionReviewVersions: ['v1beta1'],
        clientConfig: { service: { name: KSERVE_SERVICE, path: '/mutate-serving-kserve-io-v1beta1-inferenceservice' } },
        failurePolicy: 'Fail',
        name: 'inferenceservice.kserve-webhook-server.defaulter',
        rules: [{ apiGroups: ['serving.kserve.io'], apiVersions: ['v1beta1'], operations: ['CREATE', 'UPDATE'], resources: ['inferenceservices'] }],
        sideEffects: 'None',
      }),
      inNs({
        admissionReviewVersions: ['v1beta1'],
        clientConfig: { service: { name: KSERVE_SERVICE, path: '/mutate-pods' } },
        failurePolicy: 'Fail',
        name: 'inferenceservice.kserve-webhook-server.pod-mutator',
        namespaceSelector: { matchExpressions: [{ key: 'control-plane', operator: 'DoesNotExist' }] },
        objectSelector: { matchExpressions: [{ key: 'serving.kserve.io/inferenceservice', operator: 'Exists' }] },
        reinvocationPolicy: 'IfNeeded',
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
        sideEffects: 'None',
      }),
    ],
  }));
  const validating = (id: string, w: ReturnType<typeof validator>, cert?: string) => controllerGenStamp(new k8s.KubeValidatingWebhookConfiguration(scope, id, {
    metadata: hookMeta(w.rules[0].resources[0].replace(/s$/, '') + '.serving.kserve.io', cert),
    webhooks: [inNs(w)],
  }));
  validating('clusterservingruntime', validator('ClusterServingRuntime', 'v1alpha1', KSERVE_SERVICE));
  validating('inferencegraph', validator('InferenceGraph', 'v1alpha1', KSERVE_SERVICE));
  validating('inferenceservice', validator('InferenceService', 'v1beta1', KSERVE_SERVICE));
  validating('llminferenceservice', validator('LLMInferenceService', 'v1alpha1', LLM_SERVICE, undefined, ['v1', 'v1beta1']), 'llmisvc-serving-cert');
  validating('localmodelcache', validator('LocalModelCache', 'v1alpha1', KSERVE_SERVICE, ['CREATE', 'UPDATE', 'DELETE']));
  validating('servingruntime', validator('ServingRuntime', 'v1alpha1', KSERVE_SERVICE));
  validating('trainedmodel', validator('TrainedModel', 'v1alpha1', KSERVE_SERVICE));
}
