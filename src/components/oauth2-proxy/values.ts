import type { IRequestAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1/RequestAuthentication';
import { gatewayValue } from '../../lib/istio.js';
import { scheduling } from '../../lib/k8s-values.js';
import { s, type JsonSchema } from '../../core/schema.js';
import { v } from '../../core/values.js';

/** An Istio JWT rule, typed by the Istio models. */
export type JwtRule = NonNullable<NonNullable<IRequestAuthentication['spec']>['jwtRules']>[number];

/** Space-separated OAuth scope tokens (RFC 6749 §3.3). */
const OAUTH_SCOPE = '^[!#-\\[\\]-~]+( [!#-\\[\\]-~]+)*$';
const DEX = 'http://dex.auth.svc.cluster.local:5556/dex';

/** An Istio JWTRule (RequestAuthentication `spec.jwtRules[]`). */
export const jwtRuleSchema = (): JsonSchema =>
  s.object(
    {
      issuer: s.string({ minLength: 1, description: 'Issuer (`iss` claim) of the tokens.' }),
      audiences: s.array(s.string()),
      jwksUri: s.string({ description: "Where Istio fetches the issuer's keys; empty uses OIDC discovery of the issuer." }),
      jwks: s.string(),
      fromHeaders: s.array(s.object({ name: s.string({ minLength: 1 }), prefix: s.string() }, ['name'])),
      fromParams: s.array(s.string()),
      fromCookies: s.array(s.string()),
      outputPayloadToHeader: s.string(),
      forwardOriginalToken: s.boolean(),
      outputClaimToHeaders: s.array(
        s.object({ header: s.string({ minLength: 1 }), claim: s.string({ minLength: 1 }) }, ['header', 'claim']),
      ),
      timeout: s.string(),
    },
    ['issuer'],
  );

/** Fields of a resources value that upstream renders even when empty (`resources: {}`). */
const keptResources = (description: string) => ({ ...v.resources({}, description), omitEmpty: false });

export const values = {
  namespace: v.dnsLabel('oauth2-proxy', 'Namespace of oauth2-proxy (created by this chart).'),
  podSecurity: v.oneOf(['privileged', 'baseline', 'restricted'], 'restricted', 'Pod Security Standard enforced on the namespace.'),
  image: v.image({ registry: 'quay.io', repository: 'oauth2-proxy/oauth2-proxy', tag: 'v7.14.3' }, 'oauth2-proxy image.'),
  replicas: v.int(2, 'oauth2-proxy replicas.', { minimum: 0 }),
  resources: keptResources('Resources of the oauth2-proxy container.'),
  ...scheduling(),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in service hostnames.'),
  issuerUrl: v.strWithGlobal(
    'auth.issuerUrl',
    DEX,
    'OIDC issuer that signs users in (Dex in the default install). Also the issuer Istio accepts user JWTs from.',
    s.url(),
  ),
  oidc: v.group('How oauth2-proxy talks to the issuer.', {
    skipDiscovery: v.bool(
      true,
      "Skip OIDC discovery and use the URLs below, so the browser is sent to a relative login URL behind the Kubeflow gateway (Dex's in-cluster address is not reachable from browsers).",
    ),
    loginUrl: v.urlOrPath('/dex/auth', 'Authorization endpoint the browser is sent to (with skipDiscovery).'),
    redeemUrl: v.url('', 'Token endpoint (with skipDiscovery); empty means `<issuerUrl>/token`.', { optional: true }),
    jwksUrl: v.url('', 'Key set of the issuer (with skipDiscovery); empty means `<issuerUrl>/keys`.', { optional: true }),
    scope: v.str('profile email groups openid', 'OAuth scopes requested at login (space-separated).', { pattern: OAUTH_SCOPE }),
    providerDisplayName: v.line('Dex', 'Name of the provider on the sign-in page.'),
    allowSelfSignedIssuer: v.bool(
      true,
      'Accept a self-signed TLS certificate of the issuer (`ALLOW_SELF_SIGNED_ISSUER`, ssl_insecure_skip_verify).',
    ),
  }),
  client: v.group('OIDC client oauth2-proxy signs in with (registered in Dex as a static client).', {
    id: v.strWithGlobal('auth.clientId', 'kubeflow-oidc-authservice', 'Client id.', s.line({ minLength: 1 })),
    secret: v.str(
      'pUBnBOY80SnXgjibTYM9ZWNzY2xreNGQok',
      "Client secret; the default is the upstream example value, change it (it must equal Dex's `oidcClient.secret`).",
      s.line(),
      { exampleCredential: { unless: ['existingSecret'] } },
    ),
  }),
  cookie: v.group('Session cookie.', {
    name: v.headerName('oauth2_proxy_kubeflow', 'Cookie name (an HTTP token).'),
    expire: v.duration(
      '24h',
      "Cookie lifetime; keep it at or below the lifetime of the issuer's tokens (Dex: 24h), or Istio rejects the JWT while the cookie is still valid.",
    ),
    refresh: v.duration('0', 'Refresh the session after this duration (`0` disables refreshing).'),
    secure: v.bool(false, 'Send the cookie only over HTTPS (`FORCE_HTTPS`); enable when the gateway terminates TLS.'),
    secret: v.str(
      '7d16fee92f8d11b8940b081b3f8b8acb',
      'Secret that encrypts the cookie (16, 24 or 32 bytes); the default is the upstream example value, change it.',
      {
        pattern: '^(.{16}|.{24}|.{32})$',
      },
      { exampleCredential: { unless: ['existingSecret', 'cookie.generateSecret'] } },
    ),
    generateSecret: v.bool(
      false,
      'Helm only: generate a random cookie secret on first install, keep it on upgrades (lookup of the live Secret `oauth2-proxy-cookie`, `helm.sh/resource-policy: keep`), and ignore `cookie.secret`. Kustomize/cdk8s synthesis fails when this is true.',
    ),
  }),
  existingSecret: v.subdomain(
    '',
    'Secret holding `client-id`, `client-secret` and `cookie-secret` to use instead of the values above; empty creates one from them.',
    { optional: true },
  ),
  emailDomains: v.list<string>(
    ['*'],
    'Email domains allowed to sign in (`*` allows all).',
    { type: 'string', pattern: '^(\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?)$' },
    { minItems: 1 },
  ),
  allowedGroups: v.list<string>(
    [],
    'Only users in one of these groups (the `groups` claim) may sign in; empty allows every group.',
    s.line({ minLength: 1 }),
  ),
  allowedEmails: v.list<string>(
    [],
    'Only these email addresses may sign in (an authenticated-emails file); empty leaves it to `emailDomains`.',
    s.email(),
  ),
  extraSkipAuthRoutes: v.list<string>([], 'Path regexes served without authentication, after `^/dex/`.', s.line({ minLength: 1 })),
  extraApiRoutes: v.list<string>(
    [],
    'Path regexes answered with 401 instead of a login redirect, after the built-in API paths.',
    s.line({ minLength: 1 }),
  ),
  signIn: v.group('The sign-in page.', {
    skipProviderButton: v.bool(
      false,
      'Start the login flow right away instead of showing a sign-in page (upstream keeps the page: background requests then do not each start a login flow).',
    ),
    logoSvg: v.str('', 'SVG image of the sign-in page; empty shows a simple Kubeflow mark drawn for this project.'),
  }),
  m2m: v.group('Machine-to-machine access: requests with a bearer JWT of a trusted issuer pass without a login.', {
    enabled: v.bool(true, 'Let oauth2-proxy accept bearer JWTs (`ENABLE_M2M_TOKENS`, skip_jwt_bearer_tokens).'),
    extraJwtIssuers: v.list<string>(
      [],
      'Issuers oauth2-proxy accepts bearer JWTs from besides the login issuer, as `issuer=audience` (`EXTRA_JWT_ISSUERS`).',
      { type: 'string', pattern: '^[^=,\\s"]+=[^=,\\s"]+$' },
    ),
    jwtRules: v.list<JwtRule>(
      [],
      "Extra issuers Istio accepts JWTs from (RequestAuthentication `m2m-token-issuer` in the Istio namespace), e.g. the cluster's service account issuer (kind: `https://kubernetes.default.svc.cluster.local`; EKS: `https://oidc.eks.<region>.amazonaws.com/id/<id>`; GKE: `https://container.googleapis.com/v1/projects/<p>/locations/<l>/clusters/<c>`). Empty creates no RequestAuthentication.",
      jwtRuleSchema(),
    ),
    clusterJwksProxy: v.group(
      "A kubectl proxy that serves the API server's JWKS inside the mesh, for clusters whose service account issuer keys are not public (kind).",
      {
        enabled: v.bool(false, 'Deploy `cluster-jwks-proxy` in the Istio namespace.'),
        image: v.image({ registry: 'docker.io', repository: 'bitnamisecure/kubectl', tag: 'latest' }, 'kubectl image of the proxy.'),
      },
    ),
  }),
  istio: v.group(
    'Istio integration: the gateway routes `/oauth2/`, and the ingress gateway asks oauth2-proxy (ext_authz) about every other request.',
    {
      namespace: v.dnsLabel(
        'istio-system',
        'Namespace of the Istio ingress gateway, where the AuthorizationPolicies and RequestAuthentications go.',
      ),
      gateway: gatewayValue('kubeflow/kubeflow-gateway', 'Gateway of the `/oauth2/` VirtualService.'),
      gatewaySelector: v.labelMap({ app: 'istio-ingressgateway' }, 'Labels of the ingress gateway pods the policies apply to.'),
      extAuthzProvider: v.str(
        'oauth2-proxy',
        'Name of the ext_authz extension provider in the Istio mesh config.',
        s.line({ minLength: 1 }),
      ),
      unauthenticatedPaths: v.list<string>(
        ['/dex/*', '/dex/**', '/oauth2/*'],
        'Paths the gateway lets through without a login or JWT (the login flow itself).',
        { type: 'string', pattern: '^(\\*|/)[^\\s"\'{}]*$' },
      ),
      userIdHeader: v.headerName('kubeflow-userid', 'Header Istio fills with the user id from the JWT.'),
      groupsHeader: v.headerName('kubeflow-groups', 'Header Istio fills with the groups from the JWT.'),
      userIdClaim: v.str('email', "Claim of the login issuer's JWT that identifies the user.", s.line({ minLength: 1 })),
    },
  ),
};
