import type { ComponentInfo } from '../../core/component.js';
import { kindIssuerRules } from './presets.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'oauth2-proxy',
  description:
    "oauth2-proxy as the Istio ingress gateway's ext_authz provider: OIDC login through Dex, JWT rules for users and machine-to-machine tokens.",
  appVersion: 'v7.14.3',
  values,
  // an issuer: Dex, or an external one named by global.auth.issuerUrl
  requires: [{ component: 'dex', unlessGlobal: 'auth.issuerUrl' }, 'istio-install'],
  keywords: ['auth', 'oidc', 'oauth2-proxy'],
  deviations: [
    {
      object: 'ConfigMap/oauth2-proxy',
      reason:
        "oauth2_proxy.cfg has upstream's options in upstream's order, with comments written here: upstream's config comments are not carried. Same settings; the name's content hash differs.",
    },
    {
      object: 'ConfigMap/oauth2-proxy-theme',
      reason:
        "Upstream's Kubeflow logo artwork is not carried over: the sign-in page shows a simple mark drawn for this project (file name kubeflow-logo.svg kept, as the config points at it); `signIn.logoSvg` supplies any other image. The ConfigMap's hash suffix differs accordingly.",
    },
  ],
  presets: {
    'm2m-dex-and-kind': {
      description:
        'Also accept Kubernetes service account tokens of a kind cluster (issuer keys served in-mesh by cluster-jwks-proxy), upstream overlays/m2m-dex-and-kind.',
      values: { m2m: { jwtRules: kindIssuerRules, clusterJwksProxy: { enabled: true } } },
    },
    secure: {
      description:
        'No example credential: client id, client secret and cookie secret from the Secret `oauth2-proxy-credentials` you create in the oauth2-proxy namespace (keys client-id, client-secret, cookie-secret; e.g. `openssl rand -hex 16` for the cookie secret).',
      values: { existingSecret: 'oauth2-proxy-credentials' },
    },
  },
};
