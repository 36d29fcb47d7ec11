import { eq, nonEmpty, pick, text } from '../../core/conditions.js';
import { jsonItems, quoted } from '../../core/value-text.js';
import type { Access, Group } from '../../core/values.js';
import type { values } from './values.js';

export const EMAILS_FILE = '/etc/oauth2_proxy/authenticated-emails.txt';

/** Extra list items appended inside a multi-line list (nothing when the list is empty). */
const more = (list: string[]) => pick(nonEmpty(list), `\n  ${jsonItems(list)},`, '');

/**
 * oauth2_proxy.cfg, written from the values in upstream's layout and with upstream's comments
 * (they document why Kubeflow sets each option).
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
    '# serve a static HTTP 200 upstream on for authentication success',
    '# we are using oauth2-proxy as an ExtAuthz to "check" each request, not pass it on',
    'upstreams = [ "static://200" ]',
    '',
    '# skip authentication for these paths',
    'skip_auth_routes = [',
    '  "^/dex/",' + more(v.extraSkipAuthRoutes),
    ']',
    '',
    '# requests to paths matching these regex patterns will receive a 401 Unauthorized response',
    '# when not authenticated, instead of being redirected to the login page with a 302,',
    '# this prevents background requests being redirected to the login page,',
    '# and the accumulation of CSRF cookies',
    'api_routes = [',
    '  # Generic',
    '  # NOTE: included because most background requests contain these paths',
    '  "/api/",',
    '  "/apis/",',
    '',
    '  # Kubeflow Pipelines',
    '  # NOTE: included because KFP UI makes MANY background requests to these paths but because they are',
    '  #       not `application/json` requests, oauth2-proxy will redirect them to the login page',
    '  "^/ml_metadata",' + more(v.extraApiRoutes),
    ']',
    '',
    '# OIDC Discovery has to be skipped and login url has to be provided directly',
    '# in order to enable relative auth redirect. Using OIDC Discovery would set',
    '# the redirect location to http://dex.auth.svc.cluster.local:5556 in the example',
    '# installation. This address is usually not available through the Web Browser.',
    "# If you have a setup where dex has it's url as other than the in-cluster",
    '# service, this is optional.',
    `skip_oidc_discovery = ${text(v.oidc.skipDiscovery)}`,
    `login_url = ${quoted(v.oidc.loginUrl)}`,
    `redeem_url = ${quoted(pick(nonEmpty(v.oidc.redeemUrl), v.oidc.redeemUrl, `${issuer}/token`))}`,
    `oidc_jwks_url = ${quoted(pick(nonEmpty(v.oidc.jwksUrl), v.oidc.jwksUrl, `${issuer}/keys`))}`,
    '',
    '# if `false`, a sign-in page is displayed before starting the login flow',
    '# prevents background requests starting their own login flow on token expiry,',
    '# which can lead to many CSRF cookies, potentially exceeding the cookie limit',
    `skip_provider_button = ${text(v.signIn.skipProviderButton)}`,
    '',
    '# style the sign-in page',
    `provider_display_name = ${quoted(v.oidc.providerDisplayName)}`,
    'custom_sign_in_logo = "/custom-theme/kubeflow-logo.svg"',
    'banner = "-"',
    'footer = "-"',
    '',
    '# oauth2-proxy sends "force" by default, which causes dex to always prompt for login',
    '# https://github.com/dexidp/dex/pull/3086',
    'prompt = "none"',
    '',
    '# set Authorization Bearer response header. This is needed in order to',
    '# forward the Authorization Bearer token to Istio and enable authorization',
    '# based on JWT.',
    'set_authorization_header = true',
    '',
    '# set X-Auth-Request-User, X-Auth-Request-Groups, X-Auth-Request-Email and',
    '# X-Auth-Request-Preferred-Username. This is optional for Kubeflow but you',
    '# may have other services that use standard auth headers.',
    'set_xauthrequest = true',
    '',
    `cookie_name = ${quoted(v.cookie.name)}`,
    '',
    '# Dex default cookie expiration is 24h.',
    '# If set to 168h (default oauth2-proxy), Istio will not be able to use the JWT after 24h,',
    '# but oauth2-proxy will still consider the cookie valid.',
    "# It's possible to configure the JWT Refresh Token to enable longer login session.",
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
