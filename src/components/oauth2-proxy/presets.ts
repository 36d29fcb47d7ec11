import type { JwtRule } from './values.js';

/**
 * A JWT rule for a Kubernetes service account issuer: machine clients (pipelines SDK, CI) call
 * Kubeflow with a projected service account token; Istio checks it against the cluster's JWKS and
 * passes the subject and groups on as the user headers.
 */
export const serviceAccountIssuerRule = (issuer: string, jwksUri?: string): JwtRule => ({
  forwardOriginalToken: true,
  fromHeaders: [{ name: 'Authorization', prefix: 'Bearer ' }],
  issuer,
  ...(jwksUri ? { jwksUri } : {}),
  outputClaimToHeaders: [
    { claim: 'sub', header: 'kubeflow-userid' },
    { claim: 'groups', header: 'kubeflow-groups' },
  ],
});

/** kind's API server issues tokens under two names; its keys are served in-mesh by cluster-jwks-proxy. */
const KIND_JWKS = 'http://cluster-jwks-proxy.istio-system.svc.cluster.local/openid/v1/jwks';
export const kindIssuerRules: JwtRule[] = [
  serviceAccountIssuerRule('https://kubernetes.default.svc.cluster.local', KIND_JWKS),
  serviceAccountIssuerRule('https://kubernetes.default.svc', KIND_JWKS),
];
