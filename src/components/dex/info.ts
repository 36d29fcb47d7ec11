import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'dex',
  description:
    'Dex OIDC identity provider: static users (bcrypt hashes) and upstream connectors (OIDC, LDAP, GitHub), with the OIDC client for oauth2-proxy.',
  appVersion: 'v2.45.0',
  rbacWildcards: [
    {
      role: 'ClusterRole/dex',
      reason: 'The Kubernetes storage of Dex manages its own CRDs and objects (apiGroups dex.coreos.com, verbs *), as upstream.',
    },
  ],
  values,
  deviations: [
    {
      object: 'ConfigMap/dex',
      reason:
        "config.yaml is upstream's document in upstream's layout, without upstream's one comment line (a link to a Dex pull request): the project carries no upstream comments as data.",
    },
  ],
  requires: ['istio-install'],
  keywords: ['auth', 'oidc', 'dex'],
  presets: {
    istio: {
      description: 'Dex without its NetworkPolicies (upstream overlays/istio).',
      values: { networkPolicies: { enabled: false } },
    },
    secure: {
      description:
        "No example credential: no static user (log in through `connectors`, or add your own users with bcrypt hashes), and the OIDC client id/secret from the Secret `kubeflow-oidc-client` you create in the Dex namespace (keys OIDC_CLIENT_ID, OIDC_CLIENT_SECRET; the same client secret goes into oauth2-proxy's Secret).",
      values: {
        staticPasswords: [],
        // null deletes the example hash (a map value merges with the default)
        passwords: { hashes: { DEX_USER_PASSWORD: null as unknown as string } },
        oidcClient: { existingSecret: 'kubeflow-oidc-client' },
      },
    },
  },
};
