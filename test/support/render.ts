import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import { byKey, canonical, hashedNames, keyOf, normalizeHashes, normalizeHelm, parseObjects, type K8sObject } from './objects.js';
import { helmTemplate, kustomizeBuild, ROOT } from './tools.js';

export const DIST = join(ROOT, 'dist');
export const REFERENCE = join(ROOT, '..', 'shared', 'reference', 'kubeflow-26.03');

export interface Rendered { helm3: K8sObject[]; helm4: K8sObject[]; kustomize: K8sObject[] }

/** Renders one component (or the umbrella) with both Helm versions and kustomize. */
export async function renderAll(name: string, preset?: string, dist = DIST): Promise<Rendered> {
  const chart = join(dist, 'helm', name);
  const args = preset ? ['-f', join(chart, 'presets', `${preset}.yaml`)] : [];
  // the umbrella chart `kubeflow` pairs with the Kustomize example
  const kdir = name === 'kubeflow'
    ? join(dist, 'kustomize', 'example', preset ? `overlays/${preset}` : '')
    : join(dist, 'kustomize', name, preset ? `overlays/${preset}` : 'base');
  const [h3, h4, k] = await Promise.all([helmTemplate('helm3', chart, args), helmTemplate('helm4', chart, args), kustomizeBuild(kdir)]);
  return { helm3: parseObjects(h3).map(normalizeHelm), helm4: parseObjects(h4).map(normalizeHelm), kustomize: parseObjects(k) };
}

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

export const referenceFile = (name: string, preset?: string): string =>
  join(REFERENCE, preset ? `variants/${name}--${preset}.yaml` : `platform/${name}.yaml`);
export const hasReference = (name: string, preset?: string): boolean => existsSync(referenceFile(name, preset));
export const loadReference = (name: string, preset?: string): K8sObject[] => parseObjects(readFileSync(referenceFile(name, preset), 'utf8'));

export interface ParityRow {
  target: string;
  objects: number;
  nonCrdIdentical: number;
  /** Objects that differ only in data documents that parse to the same value, declared as deviations. */
  nonCrdEquivalent: number;
  nonCrdTotal: number;
  crdCoverage?: number;
  missing: string[];
  extra: string[];
  differing: string[];
  crdDetails: string[];
}

/** Compares our objects with the reference after normalizing hash suffixes (ours are already Helm-normalized). */
export function parity(target: string, ours: K8sObject[], ref: K8sObject[], declared: string[] = []): ParityRow {
  const hashed = new Set([...hashedNames(ours), ...hashedNames(ref)]);
  const O = byKey(ours.map((o) => normalizeHashes(o, hashed)));
  const R = byKey(ref.map((o) => normalizeHashes(o, hashed)));
  const row: ParityRow = { target, objects: R.size, nonCrdIdentical: 0, nonCrdEquivalent: 0, nonCrdTotal: 0, missing: [], extra: [], differing: [], crdDetails: [] };
  const coverages: number[] = [];
  for (const [k, r] of R) {
    const o = O.get(k);
    if (r.kind === 'CustomResourceDefinition') {
      const cov = o ? crdCoverage(r, o) : { covered: 0, total: 1, missing: ['(missing CRD)'] };
      coverages.push(cov.covered / cov.total);
      const mk = o ? crdMarkerCoverage(r, o) : undefined;
      row.crdDetails.push(`${k}: ${(100 * cov.covered / cov.total).toFixed(1)}% of ${cov.total} property paths${cov.missing.length ? `; e.g. missing ${cov.missing.slice(0, 3).join(', ')}` : ''}`
        + (mk?.total ? `; apply markers/defaults ${mk.covered}/${mk.total}${mk.missing.length ? ` (e.g. missing ${mk.missing.slice(0, 2).join(', ')})` : ''}` : ''));
      if (!o) row.missing.push(k);
      continue;
    }
    row.nonCrdTotal++;
    if (!o) row.missing.push(k);
    else if (canonical(o) === canonical(r)) row.nonCrdIdentical++;
    else if (declared.includes(`${r.kind}/${r.metadata.name}`) && sameDocuments(r, o)) row.nonCrdEquivalent++;
    else row.differing.push(`${k}\n${firstDiff(r, o, ['reference', 'ours'])}`);
  }
  for (const k of O.keys()) if (!R.has(k)) row.extra.push(k);
  if (coverages.length) row.crdCoverage = coverages.reduce((a, b) => a + b, 0) / coverages.length;
  return row;
}

/**
 * Same object except ConfigMap/Secret data entries whose text differs but parses (YAML/JSON) to the
 * same document: e.g. a config file re-serialized from typed values without upstream's comments.
 * A text that is no YAML document (nginx, INI…) counts as the same when its lines are, once
 * whole-line `#` comments, blank lines and indentation are dropped.
 */
function sameDocuments(r: K8sObject, o: K8sObject): boolean {
  if (canonical({ ...r, data: null }) !== canonical({ ...o, data: null })) return false;
  const rd = r.data ?? {};
  const od = o.data ?? {};
  const keys = new Set([...Object.keys(rd), ...Object.keys(od)]);
  return [...keys].every((k) => {
    if (rd[k] === od[k]) return true;
    const doc = (t: string): unknown => { try { return parseYaml(t); } catch { return undefined; } };
    const [a, b] = [doc(rd[k]), doc(od[k])];
    if ((a && typeof a === 'object') || (b && typeof b === 'object')) return canonical(a) === canonical(b);
    return typeof rd[k] === 'string' && typeof od[k] === 'string' && sameLines(rd[k], od[k]);
  });
}

const sameLines = (a: string, b: string): boolean => {
  const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return canonical(lines(a)) === canonical(lines(b));
};

/**
 * Server-side-apply markers and defaults (x-kubernetes-list-type/-list-map-keys/-map-type, default)
 * of the reference CRD, by path, and how many of them ours has with the same value.
 */
export function crdMarkerCoverage(ref: K8sObject, ours: K8sObject): { covered: number; total: number; missing: string[] } {
  const markers = (crd: K8sObject) => {
    const out = new Map<string, string>();
    const walk = (sch: any, p: string) => {
      if (!sch || typeof sch !== 'object') return;
      for (const k of ['x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'default']) {
        if (k in sch) out.set(`${p}#${k}`, JSON.stringify(sch[k]));
      }
      for (const [k, x] of Object.entries<any>(sch.properties ?? {})) walk(x, `${p}.${k}`);
      if (sch.items) walk(sch.items, `${p}[]`);
      if (sch.additionalProperties && typeof sch.additionalProperties === 'object') walk(sch.additionalProperties, `${p}{}`);
    };
    for (const ver of crd.spec?.versions ?? []) walk(ver.schema?.openAPIV3Schema, ver.name);
    return out;
  };
  const r = markers(ref);
  const o = markers(ours);
  const missing = [...r].filter(([k, v]) => o.get(k) !== v).map(([k]) => k);
  return { covered: r.size - missing.length, total: r.size, missing };
}

/** Share of the reference CRD's schema property paths (all versions) that ours also has. */
export function crdCoverage(ref: K8sObject, ours: K8sObject): { covered: number; total: number; missing: string[] } {
  const paths = (crd: K8sObject) => {
    const out = new Set<string>();
    const walk = (sch: any, p: string) => {
      if (!sch || typeof sch !== 'object') return;
      for (const [k, x] of Object.entries<any>(sch.properties ?? {})) { out.add(`${p}.${k}`); walk(x, `${p}.${k}`); }
      if (sch.items) walk(sch.items, `${p}[]`);
      if (sch.additionalProperties && typeof sch.additionalProperties === 'object') walk(sch.additionalProperties, `${p}{}`);
    };
    for (const ver of crd.spec?.versions ?? []) walk(ver.schema?.openAPIV3Schema, ver.name);
    return out;
  };
  const r = paths(ref);
  const o = paths(ours);
  const missing = [...r].filter((p) => !o.has(p));
  // a CRD without properties (dex's preserve-unknown-fields kinds) is covered by any schema
  if (!r.size) return { covered: 1, total: 1, missing: [] };
  return { covered: r.size - missing.length, total: r.size, missing };
}

export { keyOf };
