import { parse as parseYaml } from 'yaml';
import { byKey, canonical, hashedNames, normalizeHashes, type K8sObject } from './objects.js';

/** Differences between two object sets, as readable lines (empty when equal). */
export function compareSets(a: K8sObject[], b: K8sObject[], labels: [string, string]): string[] {
  const A = byKey(a);
  const B = byKey(b);
  const out: string[] = [];
  for (const [k, x] of A) {
    const y = B.get(k);
    if (!y) out.push(`${k}: only in ${labels[0]}`);
    else if (canonical(x) !== canonical(y)) out.push(`${k}: differs\n${firstDiff(x, y, labels)}`);
  }
  for (const k of B.keys()) if (!A.has(k)) out.push(`${k}: only in ${labels[1]}`);
  return out;
}

/** The first differing path, with both values, to make a failure readable. */
export function firstDiff(a: unknown, b: unknown, labels: [string, string], path = ''): string {
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      if (canonical(x) !== canonical(y)) return firstDiff(x, y, labels, `${path}/${k}`);
    }
  }
  const show = (x: unknown) => (JSON.stringify(x) ?? 'undefined').slice(0, 400);
  return `  at ${path || '/'}\n    ${labels[0]}: ${show(a)}\n    ${labels[1]}: ${show(b)}`;
}

/**
 * Same object except ConfigMap/Secret data entries whose text differs but parses (YAML/JSON) to the
 * same document: e.g. a config file re-serialized from typed values without upstream's comments.
 * A text that is no YAML document (nginx, INI…) counts as the same when its lines are, once
 * whole-line `#` comments, blank lines and indentation are dropped.
 */
export function sameDocuments(r: K8sObject, o: K8sObject): boolean {
  if (canonical({ ...r, data: null }) !== canonical({ ...o, data: null })) return false;
  const rd = r.data ?? {};
  const od = o.data ?? {};
  const keys = new Set([...Object.keys(rd), ...Object.keys(od)]);
  return [...keys].every((k) => {
    if (rd[k] === od[k]) return true;
    const doc = (t: string): unknown => {
      try {
        return parseYaml(t);
      } catch {
        return undefined;
      }
    };
    const [a, b] = [doc(rd[k]), doc(od[k])];
    if ((a && typeof a === 'object') || (b && typeof b === 'object')) return canonical(a) === canonical(b);
    return typeof rd[k] === 'string' && typeof od[k] === 'string' && sameLines(rd[k], od[k]);
  });
}

const sameLines = (a: string, b: string): boolean => {
  const lines = (t: string) =>
    t
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  return canonical(lines(a)) === canonical(lines(b));
};

export interface ObjectDiff {
  /** In both and identical. */
  identical: string[];
  /** In both, different: a declared deviation (`Kind/name`) or not. */
  declared: { key: string; detail: string }[];
  differing: { key: string; detail: string }[];
  /** Only in the existing install (Helm would leave it alone: orphaned). */
  onlyExisting: string[];
  /** Only in ours (the release would create it). */
  onlyOurs: string[];
}

/** Object-by-object comparison of an existing install with ours, hash suffixes normalized. */
export function diffObjects(existing: K8sObject[], ours: K8sObject[], declared: (o: K8sObject) => boolean): ObjectDiff {
  const hashed = new Set([...hashedNames(ours), ...hashedNames(existing)]);
  const E = byKey(existing.map((o) => normalizeHashes(o, hashed)));
  const O = byKey(ours.map((o) => normalizeHashes(o, hashed)));
  const d: ObjectDiff = { identical: [], declared: [], differing: [], onlyExisting: [], onlyOurs: [] };
  for (const [k, e] of E) {
    const o = O.get(k);
    if (!o) d.onlyExisting.push(k);
    else if (canonical(o) === canonical(e)) d.identical.push(k);
    else if (declared(e)) d.declared.push({ key: k, detail: firstDiff(e, o, ['existing', 'ours']) });
    else d.differing.push({ key: k, detail: firstDiff(e, o, ['existing', 'ours']) });
  }
  for (const k of O.keys()) if (!E.has(k)) d.onlyOurs.push(k);
  return d;
}
