import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'dex',
  description: 'Dex OIDC identity provider: static users (bcrypt hashes) and upstream connectors (OIDC, LDAP, GitHub), with the OIDC client for oauth2-proxy.',
  appVersion: 'v2.45.0',
  rbacWildcards: [
    { role: 'ClusterRole/dex', reason: 'The Kubernetes storage of Dex manages its own CRDs and objects (apiGroups dex.coreos.com, verbs *), as upstream.' },
  ],
  values,
  requires: ['istio-install'],
  keywords: ['auth', 'oidc', 'dex'],
  presets: {
    istio: {
      description: 'Dex without its NetworkPolicies (upstream overlays/istio).',
      values: { networkPolicies: { enabled: false } },
    },
  },
};
