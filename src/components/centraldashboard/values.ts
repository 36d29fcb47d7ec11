import type { k8s } from 'cdk8s-plus-33';
import { gatewayValue, INGRESS_GATEWAY_PRINCIPAL } from '../../lib/istio.js';
import { envVarSchema, scheduling } from '../../lib/k8s-values.js';
import { s, type JsonSchema } from '../../core/schema.js';
import { v } from '../../core/values.js';
import { defaultDocumentationItems, defaultMenuLinks, defaultQuickLinks, type DashboardLink } from './links.js';

const linkSchema = (depth: number): JsonSchema =>
  s.object(
    {
      type: s.enum(['item', 'section']),
      link: s.string(),
      text: s.string({ minLength: 1 }),
      icon: s.string(),
      desc: s.string(),
      ...(depth > 0 ? { items: s.array(linkSchema(depth - 1)) } : {}),
    },
    ['text'],
  );

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the dashboard.'),
  image: v.image({ registry: 'ghcr.io', repository: 'kubeflow/kubeflow/central-dashboard', tag: 'v1.10.0' }, 'Central dashboard image.'),
  replicas: v.int(1, 'Dashboard replicas.', { minimum: 0 }),
  resources: v.resources({}, 'Resources of the dashboard container.'),
  ...scheduling(),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in service hostnames.'),
  userIdHeader: v.headerName('kubeflow-userid', 'Request header that carries the user identity (set by the auth proxy).'),
  userIdPrefix: v.line('', 'Prefix the auth proxy puts before the user id in that header.'),
  logoutUrl: v.urlOrPath('/oauth2/sign_out', 'Logout URL of the auth proxy, passed as LOGOUT_URL; empty leaves the variable out.', {
    optional: true,
  }),
  authOverlay: v.oneOf(
    ['oauth2-proxy', 'istio'],
    'oauth2-proxy',
    'Upstream auth overlay the dashboard follows (oauth2-proxy: the platform install; istio: Istio without oauth2-proxy). Only the position of LOGOUT_URL differs.',
  ),
  registrationFlow: v.bool(false, 'Let users without a profile create their own namespace on first login.'),
  collectMetrics: v.bool(true, 'Show cluster metrics in the dashboard.'),
  profilesKfamHost: v.subdomain('profiles-kfam.kubeflow', 'Host of the profiles KFAM service.'),
  forceIframe: v.bool(true, 'Embed apps in an iframe (DASHBOARD_FORCE_IFRAME).'),
  extraEnv: v.list<k8s.EnvVar>([], 'Environment variables appended to the dashboard container.', envVarSchema(), { omitEmpty: true }),
  links: v.group('Dashboard menu and link pages (the `links` entry of the dashboard ConfigMap).', {
    menuLinks: v.list<DashboardLink>(defaultMenuLinks, 'Left-hand menu: items and sections.', linkSchema(1)),
    externalLinks: v.list<DashboardLink>([], 'Links to external sites in the menu.', linkSchema(0)),
    documentationItems: v.list<DashboardLink>(defaultDocumentationItems, 'Documentation cards on the home page.', linkSchema(0)),
    quickLinks: v.list<DashboardLink>(defaultQuickLinks, 'Quick shortcuts on the home page.', linkSchema(0)),
  }),
  istio: v.group('Istio integration.', {
    gateway: gatewayValue('kubeflow-gateway', 'Gateway the VirtualService binds to.'),
    ingressGatewayPrincipal: v.str(
      INGRESS_GATEWAY_PRINCIPAL,
      'Principal of the ingress gateway, the only caller the AuthorizationPolicy allows.',
      s.principal(),
    ),
  }),
};
