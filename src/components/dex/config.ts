import { Document, type Scalar, type YAMLSeq } from 'yaml';
import type { Access, Group } from '../../core/values.js';
import { concreteAccess, defaultsOf } from '../../core/values.js';
import { structuredText } from '../../core/value-text.js';
import { spread } from '../../core/conditions.js';
import { values } from './values.js';

type Values = Access<Group<typeof values>>;

/** Dex's config file as a TypeScript object, built from the values. */
export function dexConfig(v: Values): Record<string, unknown> {
  return {
    issuer: v.issuerUrl,
    storage: { type: 'kubernetes', config: { inCluster: true } },
    web: { http: '0.0.0.0:5556' },
    logger: { level: v.logger.level, format: v.logger.format },
    oauth2: { skipApprovalScreen: v.skipApprovalScreen },
    enablePasswordDB: v.enablePasswordDB,
    staticPasswords: v.staticPasswords,
    staticClients: [
      // id and secret come from the environment (the dex-oidc-client Secret), see dexidp/dex#1664
      { idEnv: 'OIDC_CLIENT_ID', redirectURIs: v.oidcClient.redirectURIs, name: v.oidcClient.name, secretEnv: 'OIDC_CLIENT_SECRET' },
      ...spread(v.extraStaticClients),
    ],
    connectors: v.connectors,
  };
}

/**
 * The config as upstream lays it out (quoting, a flow list), so the default values give upstream's
 * file but for its one comment line (a link, not carried: see the deviation). Generated from the
 * object, never stored as text.
 */
export function upstreamLayout(config: Record<string, unknown>): string {
  const doc = new Document(JSON.parse(JSON.stringify(config)));
  const node = <T>(path: (string | number)[]) => doc.getIn(path, true) as T | undefined;
  const quote = (path: (string | number)[], type: Scalar.Type) => {
    const n = node<Scalar>(path);
    if (n) n.type = type;
  };
  quote(['logger', 'level'], 'QUOTE_DOUBLE');
  (node<YAMLSeq>(['staticPasswords'])?.items ?? []).forEach((_, i) => quote(['staticPasswords', i, 'userID'], 'QUOTE_DOUBLE'));
  quote(['staticClients', 0, 'name'], 'QUOTE_SINGLE');
  const uris = node<YAMLSeq>(['staticClients', 0, 'redirectURIs']);
  if (uris) {
    uris.flow = true;
    uris.items.forEach((_, i) => quote(['staticClients', 0, 'redirectURIs', i], 'QUOTE_DOUBLE'));
  }
  return doc.toString({ indentSeq: false, flowCollectionPadding: false, lineWidth: 0 });
}

/** The default config, from the default values (read as a construct reads them). */
const defaultConfig = dexConfig(concreteAccess(values, defaultsOf(values), {}) as Values);

/**
 * config.yaml: upstream's layout while the config equals the default one; otherwise the config
 * object as indented JSON (valid YAML), which the chart and concrete synthesis print identically.
 */
export const dexConfigText = (v: Values): string =>
  structuredText(dexConfig(v), { indent: 2, defaultValue: defaultConfig, defaultText: upstreamLayout(defaultConfig) });
