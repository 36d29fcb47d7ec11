import type { k8s } from 'cdk8s-plus-33';
import { gatewayValue } from '../../lib/istio.js';
import { scheduling } from '../../lib/k8s-values.js';
import { ENV_NAME, s } from '../../core/schema.js';
import { v } from '../../core/values.js';
import { connectorSchema, type Connector } from './connectors.js';

/** bcrypt hashes only: a plain-text password in values must fail validation. */
export const BCRYPT_PATTERN = '^\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$';

export interface StaticPassword {
  email: string;
  username?: string;
  userID?: string;
  /** bcrypt hash of the password, written into the config. */
  hash?: string;
  /** Environment variable (from `passwords.hashes` or an existing Secret) that holds the bcrypt hash. */
  hashFromEnv?: string;
}
export interface StaticClient {
  id?: string;
  idEnv?: string;
  secret?: string;
  secretEnv?: string;
  name: string;
  redirectURIs?: string[];
  public?: boolean;
  trustedPeers?: string[];
}

const staticPasswordSchema = s.object(
  {
    email: s.email({ description: 'Login email.' }),
    username: s.line(),
    userID: s.line({ description: 'Stable user id (a string).' }),
    hash: s.string({
      pattern: BCRYPT_PATTERN,
      description: 'bcrypt hash of the password (e.g. `htpasswd -nbBC 12 "" PASSWORD | tr -d \':\\n\'`); never the password itself.',
    }),
    hashFromEnv: s.string({ pattern: ENV_NAME, description: 'Environment variable that holds the bcrypt hash.' }),
  },
  ['email'],
  { oneOf: [{ required: ['hash'] }, { required: ['hashFromEnv'] }] },
);

const staticClientSchema = s.object(
  {
    id: s.line({ minLength: 1 }),
    idEnv: s.string({ pattern: ENV_NAME }),
    secret: s.string(),
    secretEnv: s.string({ pattern: ENV_NAME }),
    name: s.line({ minLength: 1 }),
    redirectURIs: s.array(s.urlOrPath()),
    public: s.boolean(),
    trustedPeers: s.array(s.string()),
  },
  ['name'],
);

export const values = {
  namespace: v.dnsLabel('auth', 'Namespace of Dex (created by this chart).'),
  podSecurity: v.oneOf(['privileged', 'baseline', 'restricted'], 'restricted', 'Pod Security Standard enforced on the namespace.'),
  image: v.image({ registry: 'ghcr.io', repository: 'dexidp/dex', tag: 'v2.45.0' }, 'Dex image.'),
  replicas: v.int(1, 'Dex replicas (state lives in Kubernetes custom resources, so several may run).', { minimum: 0 }),
  resources: v.resources({}, 'Resources of the Dex container.'),
  ...scheduling(),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in service hostnames.'),
  issuerUrl: v.strWithGlobal(
    'auth.issuerUrl',
    'http://dex.auth.svc.cluster.local:5556/dex',
    'Issuer URL of Dex (`issuer` in its config; the `iss` claim of its tokens). oauth2-proxy and Istio must use the same value. Its path must stay `/dex` for the Kubeflow gateway route.',
    s.url(),
  ),
  logger: v.group('Dex logging.', {
    level: v.oneOf(['debug', 'info', 'warn', 'error'], 'debug', 'Log level.'),
    format: v.oneOf(['text', 'json'], 'text', 'Log format.'),
  }),
  skipApprovalScreen: v.bool(true, 'Skip the consent screen after login.'),
  enablePasswordDB: v.bool(true, "Let the static users below (and Dex's password database) log in."),
  staticPasswords: v.list<StaticPassword>(
    [{ email: 'user@example.com', hashFromEnv: 'DEX_USER_PASSWORD', username: 'user', userID: '15841185641784' }],
    "Static users. Each needs a bcrypt `hash` or a `hashFromEnv` variable naming one (see `passwords`); plain-text passwords are rejected. The default is upstream's example user `user@example.com` (password `12341234`): replace it.",
    staticPasswordSchema,
    { key: 'email', exampleCredential: { unless: ['!enablePasswordDB'] } },
  ),
  passwords: v.group('bcrypt hashes of the static users, given to Dex as environment variables (for `hashFromEnv`).', {
    hashes: v.map<string>(
      { DEX_USER_PASSWORD: '$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72' },
      "Environment variable name → bcrypt hash, stored in the Secret `dex-passwords`. The default is the hash of upstream's example password `12341234`.",
      s.string({ pattern: BCRYPT_PATTERN }),
      { keys: s.envName(), exampleCredential: { unless: ['passwords.existingSecret', '!enablePasswordDB'] } },
    ),
    existingSecret: v.subdomain(
      '',
      'Secret of your own whose keys are the variables `hashFromEnv` names; replaces `dex-passwords` and `hashes`.',
      { optional: true },
    ),
  }),
  oidcClient: v.group(
    'The OIDC client oauth2-proxy signs users in with (a Dex static client; id and secret reach Dex as OIDC_CLIENT_ID / OIDC_CLIENT_SECRET).',
    {
      id: v.strWithGlobal('auth.clientId', 'kubeflow-oidc-authservice', 'Client id (oauth2-proxy `client.id`).', s.line({ minLength: 1 })),
      secret: v.str(
        'pUBnBOY80SnXgjibTYM9ZWNzY2xreNGQok',
        'Client secret (oauth2-proxy `client.secret`); the default is the upstream example value, change it.',
        s.line(),
        { exampleCredential: { unless: ['oidcClient.existingSecret', 'oidcClient.generateSecret'] } },
      ),
      name: v.line('Dex Login Application', 'Name Dex shows for the client.'),
      redirectURIs: v.list<string>(['/oauth2/callback'], "Allowed redirect URIs (oauth2-proxy's callback).", s.urlOrPath(), {
        minItems: 1,
      }),
      existingSecret: v.subdomain(
        '',
        'Secret of your own with keys OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; replaces `dex-oidc-client`, `id` and `secret`.',
        { optional: true },
      ),
      generateSecret: v.bool(
        false,
        'Helm only: generate a random client secret on first install and keep it on upgrades (lookup of the live Secret `dex-oidc-client`, `helm.sh/resource-policy: keep`); oauth2-proxy must then read the same value (copy it into its `existingSecret`). Kustomize/cdk8s synthesis fails when this is true.',
      ),
    },
  ),
  extraStaticClients: v.list<StaticClient>(
    [],
    'More Dex static clients (other applications that log in through Dex). Prefer `secretEnv` with `extraEnvFrom` over a plain `secret`.',
    staticClientSchema,
    { omitEmpty: true, key: 'id' },
  ),
  connectors: v.list<Connector>(
    [],
    'Upstream identity providers (Dex connectors): `oidc` (Keycloak, Azure AD, Google, Okta, …), `ldap`, `github`, or another Dex connector type. Write secrets as `$ENV_NAME` and provide them with `extraEnvFrom`.',
    connectorSchema(),
    { omitEmpty: true, key: 'id' },
  ),
  extraEnvFrom: v.list<k8s.EnvFromSource>(
    [],
    'More `envFrom` sources of Dex, e.g. `[{secretRef: {name: dex-connectors}}]`: their keys become environment variables for `$ENV_NAME` references in connectors and clients.',
    s.object({
      prefix: s.string(),
      secretRef: s.object({ name: s.subdomain(), optional: s.boolean() }, ['name']),
      configMapRef: s.object({ name: s.subdomain(), optional: s.boolean() }, ['name']),
    }),
    { omitEmpty: true },
  ),
  istio: v.group('Istio integration.', {
    gateway: gatewayValue('kubeflow/kubeflow-gateway', 'Gateway of the `/dex/` VirtualService.'),
    namespace: v.dnsLabel('istio-system', 'Namespace of the Istio ingress gateway and istiod (allowed in by the NetworkPolicy).'),
  }),
  oauth2ProxyNamespace: v.dnsLabel('oauth2-proxy', 'Namespace of oauth2-proxy (allowed in by the NetworkPolicy).'),
  networkPolicies: v.group('NetworkPolicies of the Dex namespace.', {
    enabled: v.bool(true, 'Allow only the ingress gateway, istiod and oauth2-proxy (and the namespace itself) to reach Dex.'),
  }),
  crds: v.group('CRDs.', {
    install: v.bool(true, 'Install the AuthCode CRD (Dex creates its other CRDs itself); kept on uninstall.'),
  }),
};
