import { eq, nonEmpty, pick, text } from '../../core/conditions.js';
import { jsonItems, quoted } from '../../core/value-text.js';
import type { Access, Group } from '../../core/values.js';
import type { values } from './values.js';

export const EMAILS_FILE = '/etc/oauth2_proxy/authenticated-emails.txt';

/** Extra list items appended inside a multi-line list (nothing when the list is empty). */
const more = (list: string[]) => pick(nonEmpty(list), `\n  ${jsonItems(list)},`, '');

/**
 * oauth2_proxy.cfg, written from the values in upstream's layout (same options, same order). The
 * comments are ours: upstream's config comments are not carried (declared in info.ts).
 */
export function oauth2ProxyConfig(v: Access<Group<typeof values>>): string {
  const issuer = v.issuerUrl;
  return [
    'provider = "oidc"',
    `oidc_issuer_url = ${quoted(issuer)}`,
    `scope = ${quoted(v.oidc.scope)}`,
    `email_domains = [ ${jsonItems(v.emailDomains)} ]` +
      pick(nonEmpty(v.allowedGroups), `\nallowed_groups = [ ${jsonItems(v.allowedGroups)} ]`, '') +
      pick(nonEmpty(v.allowedEmails), `\nauthenticated_emails_file = "${EMAILS_FILE}"`, ''),
    '',
    '# Istio asks oauth2-proxy (ext-authz) whether a request may pass; nothing is proxied',
    'upstreams = [ "static://200" ]',
    '',
    '# no login needed here (the login flow itself)',
    'skip_auth_routes = [',
    '  "^/dex/",' + more(v.extraSkipAuthRoutes),
    ']',
    '',
    '# unauthenticated calls to these APIs get 401 rather than a redirect to the login page:',
    '# background requests of the web apps must not start login flows (one CSRF cookie each)',
    'api_routes = [',
    '  # the APIs of the Kubeflow web apps',
    '  "/api/",',
    '  "/apis/",',
    '',
    '  # ML Metadata of the Pipelines UI (gRPC-web, not JSON)',
    '  "^/ml_metadata",' + more(v.extraApiRoutes),
    ']',
    '',
    '# the login URL is given (no discovery): discovery would send browsers to the issuer',
    '# URL, an in-cluster address; keep it when the issuer is reachable from browsers',
    `skip_oidc_discovery = ${text(v.oidc.skipDiscovery)}`,
    `login_url = ${quoted(v.oidc.loginUrl)}`,
    `redeem_url = ${quoted(pick(nonEmpty(v.oidc.redeemUrl), v.oidc.redeemUrl, `${issuer}/token`))}`,
    `oidc_jwks_url = ${quoted(pick(nonEmpty(v.oidc.jwksUrl), v.oidc.jwksUrl, `${issuer}/keys`))}`,
    '',
    '# false: a sign-in page comes first, so an expired session does not start a login',
    '# flow per background request',
    `skip_provider_button = ${text(v.signIn.skipProviderButton)}`,
    '',
    '# the sign-in page',
    `provider_display_name = ${quoted(v.oidc.providerDisplayName)}`,
    'custom_sign_in_logo = "/custom-theme/kubeflow-logo.svg"',
    'banner = "-"',
    'footer = "-"',
    '',
    '# "none": Dex does not ask again while its own session lasts',
    'prompt = "none"',
    '',
    '# the ID token goes to Istio as Authorization: Bearer (JWT-based authorization)',
    'set_authorization_header = true',
    '',
    '# X-Auth-Request-* headers, for services that read them (Kubeflow does not need them)',
    'set_xauthrequest = true',
    '',
    `cookie_name = ${quoted(v.cookie.name)}`,
    '',
    '# no longer than the ID token Dex issues (24h): Istio refuses an expired JWT even while',
    '# the cookie is valid; cookie_refresh with refresh tokens gives longer sessions',
    `cookie_expire = ${quoted(v.cookie.expire)}`,
    // upstream writes the number 0; any other duration is a quoted string (oauth2-proxy parses both)
    `cookie_refresh = ${pick(eq(v.cookie.refresh, '0'), '0', quoted(v.cookie.refresh))}`,
    '',
    'code_challenge_method = "S256"',
    '',
    'redirect_url = "/oauth2/callback"',
    'relative_redirect_url = true',
  ].join('\n');
}
