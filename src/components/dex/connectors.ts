import { s, type JsonSchema } from '../../core/schema.js';

/**
 * Dex upstream identity providers (`connectors`), typed for the kinds Kubeflow installs use most:
 * OIDC (Keycloak, Azure AD / Entra ID, Google, Okta, …), LDAP and GitHub. Other Dex connector
 * types are accepted with a free-form config. Secrets in a connector's config may be written as
 * `$ENV_NAME`: Dex expands them from its environment, which `extraEnvFrom` fills.
 */
export interface OidcConnectorConfig {
  issuer: string;
  clientID: string;
  clientSecret: string;
  redirectURI: string;
  scopes?: string[];
  basicAuthUnsupported?: boolean;
  insecureSkipEmailVerified?: boolean;
  insecureEnableGroups?: boolean;
  insecureSkipVerify?: boolean;
  getUserInfo?: boolean;
  userIDKey?: string;
  userNameKey?: string;
  promptType?: string;
  overrideClaimMapping?: boolean;
  claimMapping?: { preferred_username?: string; email?: string; groups?: string };
  hostedDomains?: string[];
  allowedGroups?: string[];
  rootCAs?: string[];
  acrValues?: string[];
  providerDiscoveryOverrides?: { tokenURL?: string; authURL?: string; jwksURL?: string };
}
export interface LdapSearch {
  baseDN: string;
  filter?: string;
  scope?: 'sub' | 'one';
}
export interface LdapConnectorConfig {
  host: string;
  insecureNoSSL?: boolean;
  insecureSkipVerify?: boolean;
  startTLS?: boolean;
  rootCA?: string;
  rootCAData?: string;
  clientCert?: string;
  clientKey?: string;
  bindDN?: string;
  bindPW?: string;
  usernamePrompt?: string;
  userSearch: LdapSearch & {
    username: string;
    idAttr?: string;
    emailAttr?: string;
    nameAttr?: string;
    preferredUsernameAttr?: string;
    emailSuffix?: string;
  };
  groupSearch?: LdapSearch & { userMatchers?: { userAttr: string; groupAttr: string }[]; nameAttr?: string };
}
export interface GitHubConnectorConfig {
  clientID: string;
  clientSecret: string;
  redirectURI: string;
  orgs?: { name: string; teams?: string[] }[];
  loadAllGroups?: boolean;
  teamNameField?: 'name' | 'slug' | 'both';
  useLoginAsID?: boolean;
  preferredEmailDomain?: string;
  hostName?: string;
  rootCA?: string;
}
interface Base<T extends string, C> {
  type: T;
  id: string;
  name: string;
  config: C;
}
export type Connector =
  | Base<'oidc', OidcConnectorConfig>
  | Base<'ldap', LdapConnectorConfig>
  | Base<'github', GitHubConnectorConfig>
  | Base<
      | 'saml'
      | 'gitlab'
      | 'google'
      | 'microsoft'
      | 'oauth'
      | 'openshift'
      | 'bitbucket-cloud'
      | 'keystone'
      | 'linkedin'
      | 'authproxy'
      | 'atlassian-crowd'
      | 'gitea',
      Record<string, unknown>
    >;

const str = s.string();
const strs = s.array(s.string());
const bool = s.boolean();
const search = (extra: Record<string, JsonSchema>, required: string[]) =>
  s.object({ baseDN: s.string({ minLength: 1 }), filter: str, scope: s.enum(['sub', 'one']), ...extra }, ['baseDN', ...required]);

const oidcConfig = s.object(
  {
    issuer: s.url(),
    clientID: s.string({ minLength: 1 }),
    clientSecret: str,
    redirectURI: s.url(),
    scopes: strs,
    basicAuthUnsupported: bool,
    insecureSkipEmailVerified: bool,
    insecureEnableGroups: bool,
    insecureSkipVerify: bool,
    getUserInfo: bool,
    userIDKey: str,
    userNameKey: str,
    promptType: str,
    overrideClaimMapping: bool,
    claimMapping: s.object({ preferred_username: str, email: str, groups: str }),
    hostedDomains: strs,
    allowedGroups: strs,
    rootCAs: strs,
    acrValues: strs,
    providerDiscoveryOverrides: s.object({ tokenURL: str, authURL: str, jwksURL: str }),
  },
  ['issuer', 'clientID', 'redirectURI'],
);
const ldapConfig = s.object(
  {
    host: s.string({ minLength: 1 }),
    insecureNoSSL: bool,
    insecureSkipVerify: bool,
    startTLS: bool,
    rootCA: str,
    rootCAData: str,
    clientCert: str,
    clientKey: str,
    bindDN: str,
    bindPW: str,
    usernamePrompt: str,
    userSearch: search(
      { username: s.string({ minLength: 1 }), idAttr: str, emailAttr: str, nameAttr: str, preferredUsernameAttr: str, emailSuffix: str },
      ['username'],
    ),
    groupSearch: search(
      { userMatchers: s.array(s.object({ userAttr: str, groupAttr: str }, ['userAttr', 'groupAttr'])), nameAttr: str },
      [],
    ),
  },
  ['host', 'userSearch'],
);
const githubConfig = s.object(
  {
    clientID: s.string({ minLength: 1 }),
    clientSecret: str,
    redirectURI: s.url(),
    orgs: s.array(s.object({ name: s.string({ minLength: 1 }), teams: strs }, ['name'])),
    loadAllGroups: bool,
    teamNameField: s.enum(['name', 'slug', 'both']),
    useLoginAsID: bool,
    preferredEmailDomain: str,
    hostName: str,
    rootCA: str,
  },
  ['clientID', 'redirectURI'],
);
const OTHER_TYPES = [
  'saml',
  'gitlab',
  'google',
  'microsoft',
  'oauth',
  'openshift',
  'bitbucket-cloud',
  'keystone',
  'linkedin',
  'authproxy',
  'atlassian-crowd',
  'gitea',
];

const connector = (type: JsonSchema, config: JsonSchema): JsonSchema =>
  s.object({ type, id: s.string({ minLength: 1, pattern: '^[a-z0-9-_]+$' }), name: s.line({ minLength: 1 }), config }, [
    'type',
    'id',
    'name',
    'config',
  ]);

export const connectorSchema = (): JsonSchema => ({
  oneOf: [
    connector(s.enum(['oidc']), oidcConfig),
    connector(s.enum(['ldap']), ldapConfig),
    connector(s.enum(['github']), githubConfig),
    connector(s.enum(OTHER_TYPES), { type: 'object', description: 'Config of the connector type, as the Dex documentation describes it.' }),
  ],
});
