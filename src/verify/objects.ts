import { parseAllDocuments } from 'yaml';
import { sortedKeys } from '../core/conditions.js';

export type K8sObject = Record<string, any>;

export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(`invalid YAML: ${d.errors[0]!.message}`);
      return d.toJS({ maxAliasCount: -1 }) as K8sObject | null;
    })
    .filter((o): o is K8sObject => !!o && typeof o === 'object');
}

export const keyOf = (o: K8sObject): string => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

/** Kustomize's content-hash suffix on generated ConfigMap/Secret names (and references to them). */
const HASH = /-[bcdfghkmtz2456789]{10}$/;
export const stripHash = (s: string): string => s.replace(HASH, '');

/**
 * Drops the only Helm bookkeeping our charts write: the keep policy on CRDs and PVCs. (Labels such
 * as app.kubernetes.io/managed-by are upstream content here and are compared like any other.)
 */
export function normalizeHelm(o: K8sObject): K8sObject {
  const c = structuredClone(o);
  const m = c.metadata ?? {};
  delete m.annotations?.['helm.sh/resource-policy'];
  if (m.annotations && !Object.keys(m.annotations).length) delete m.annotations;
  return c;
}

/** Replaces hash-suffixed names everywhere in an object (names and references alike). */
export function normalizeHashes(o: K8sObject, hashed: Set<string>): K8sObject {
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return hashed.has(x) ? stripHash(x) : x;
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return walk(o) as K8sObject;
}

/** Names of ConfigMaps/Secrets that carry a hash suffix in a set of objects. */
export const hashedNames = (objs: K8sObject[]): Set<string> =>
  new Set(
    objs.filter((o) => (o.kind === 'ConfigMap' || o.kind === 'Secret') && HASH.test(o.metadata?.name ?? '')).map((o) => o.metadata.name),
  );

/** A stable text form for comparisons: sorted keys. */
export function canonical(x: unknown): string {
  return JSON.stringify(sortedKeys(x), null, 1);
}

export function byKey(objs: K8sObject[]): Map<string, K8sObject> {
  const m = new Map<string, K8sObject>();
  for (const o of objs) {
    const k = keyOf(o);
    if (m.has(k)) throw new Error(`duplicate object ${k}`);
    m.set(k, o);
  }
  return m;
}
