import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { componentByName, components } from '../../src/components/index.js';
import { helmChartsOf, wrapsUpstreamCharts } from '../../src/core/upstream.js';
import { upstreamOf, type ComponentInfo } from '../../src/core/component.js';
import { byKey, canonical, hashedNames, keyOf, normalizeHashes, normalizeHelm, parseObjects, type K8sObject } from './objects.js';
import { exec, helmTemplate, kustomizeBuild, mustExec, ROOT, tools, type RunResult } from './tools.js';
import { compareSets, firstDiff, sameDocuments } from '../../src/verify/compare.js';
import { chartWithPackages } from '../../src/cli/offline-charts.js';

export { compareSets, firstDiff };

export const DIST = join(ROOT, 'dist');
export const REFERENCE = join(ROOT, '..', 'shared', 'reference', 'kubeflow-26.03');

/** Published packages of the upstream charts that components wrap (test fixtures, see its README). */
export const UPSTREAM_CHARTS = join(ROOT, '..', 'shared', 'charts');

export interface Rendered {
  helm3: K8sObject[];
  helm4: K8sObject[];
  kustomize: K8sObject[];
}

/** A component's info; undefined for the charts that are not components (the umbrella, the plan's CRD and namespaces charts). */
const infoOf = (name: string): ComponentInfo<any> | undefined => components.find((c) => c.info.name === name)?.info;
/** The component wraps upstream charts (Helm dependencies, kustomize `helmCharts`). */
export const wrapsCharts = (name: string): boolean => {
  const i = infoOf(name);
  return !!i && wrapsUpstreamCharts(i);
};
/** Why a component cannot be rendered here (its upstream chart packages are absent), or undefined. */
export const skipReason = (name: string): string | undefined =>
  wrapsCharts(name) && !existsSync(UPSTREAM_CHARTS)
    ? `${name}: upstream chart packages not present at ${UPSTREAM_CHARTS}, skipped`
    : undefined;

const prepared = new Map<string, string>();
const fixture = (c: { name: string; version: string }) => {
  const f = join(UPSTREAM_CHARTS, `${c.name}-${c.version}.tgz`);
  if (!existsSync(f)) throw new Error(`upstream chart package ${f} not found`);
  return f;
};

/**
 * dist/helm/<name>, ready for Helm: for a component with upstream charts, a temporary copy with the
 * packages in charts/ (what `helm dependency build` does on a machine with network).
 */
export function helmChartDir(name: string, dist = DIST): string {
  const src = join(dist, 'helm', name);
  const info = infoOf(name);
  if (!info || !wrapsUpstreamCharts(info)) return src;
  const key = `helm:${src}`;
  if (!prepared.has(key)) prepared.set(key, chartWithPackages(src, UPSTREAM_CHARTS));
  return prepared.get(key)!;
}

/**
 * dist/kustomize/<name>, ready for `kustomize build --enable-helm`: for a component with upstream
 * charts, a temporary copy with each chart unpacked where kustomize looks (`<dir>/charts/<name>-<version>/<name>`).
 */
export async function kustomizeDir(name: string, dist = DIST): Promise<string> {
  const src = join(dist, 'kustomize', name);
  const info = infoOf(name);
  if (!info || !wrapsUpstreamCharts(info)) return src;
  const key = `kustomize:${src}`;
  if (!prepared.has(key)) {
    const dir = join(mkdtempSync(join(tmpdir(), `kf-kustomize-${name}-`)), name);
    cpSync(src, dir, { recursive: true });
    const unpacked = mkdtempSync(join(tmpdir(), `kf-charts-${name}-`));
    for (const c of info.upstreamCharts!) {
      mkdirSync(join(unpacked, `${c.name}-${c.version}`), { recursive: true });
      await mustExec('tar', ['xzf', fixture(c), '-C', join(unpacked, `${c.name}-${c.version}`)]);
    }
    const overlays = existsSync(join(dir, 'overlays')) ? readdirSync(join(dir, 'overlays')).map((p) => join(dir, 'overlays', p)) : [];
    for (const k of [join(dir, 'base'), ...overlays]) cpSync(unpacked, join(k, 'charts'), { recursive: true });
    prepared.set(key, dir);
  }
  return prepared.get(key)!;
}

/** `helm template` arguments for a component: release name and namespace of wrapped charts, CRDs of their crds/ folders. */
export function helmTemplateArgs(name: string): { release: string; args: string[] } {
  const info = infoOf(name);
  if (!info?.release) return { release: 'kubeflow', args: [] };
  const crds = info.upstreamCharts?.some((c) => c.crdsFolder) ? ['--include-crds'] : [];
  return { release: info.release.name, args: ['--namespace', info.release.namespace, ...crds] };
}

/** `helm template` of a component's chart as its release (a wrapper: the prepared chart with its release name and namespace), exit code and all. */
export function helmComponent(name: string, helm: 'helm3' | 'helm4', extra: string[] = []): Promise<RunResult> {
  const { release, args } = helmTemplateArgs(name);
  return exec(tools[helm], ['template', release, helmChartDir(name), ...args, ...extra]);
}

/**
 * `helm template` of a component's chart with a values file, parsed and normalized: for a wrapper, the
 * prepared chart (upstream packages in charts/) with its release name and namespace, namespaced objects
 * left without a namespace put into the release namespace (as Helm does at install).
 */
export async function helmTemplateComponent(name: string, valuesFile: string, helm: 'helm3' | 'helm4' = 'helm3'): Promise<K8sObject[]> {
  if (!wrapsCharts(name)) return parseObjects(await helmTemplate(helm, join(DIST, 'helm', name), ['-f', valuesFile])).map(normalizeHelm);
  const r = await helmComponent(name, helm, ['-f', valuesFile]);
  if (r.code !== 0) throw new Error(`helm template ${name} failed (${r.code}):\n${r.stderr}`);
  return parseObjects(r.stdout)
    .map(normalizeHelm)
    .map((o) => inReleaseNamespace(o, componentByName(name).info.release!.namespace));
}

/**
 * What the upstream charts of a wrapper render for the component's concrete (resolved) values: each
 * chart package rendered on its own with exactly the values Helm hands it as a dependency (the
 * kustomize `helmCharts` entries, helmChartsOf; a chart whose condition is off is left out). Concrete
 * synthesis knows these values but not the upstream templates: its own objects plus these are what the
 * wrapper chart must render. Empty for components that wrap nothing.
 */
export async function upstreamObjects(name: string, values: Record<string, any>, helm: 'helm3' | 'helm4' = 'helm3'): Promise<K8sObject[]> {
  const info = infoOf(name);
  if (!info || !wrapsUpstreamCharts(info)) return [];
  const dir = mkdtempSync(join(tmpdir(), `kf-upstream-${name}-`));
  const out: K8sObject[] = [];
  for (const [i, c] of helmChartsOf(info, values).entries()) {
    const spec = info.upstreamCharts!.find((u) => u.name === c.name)!;
    const f = join(dir, `${i}.json`);
    writeFileSync(f, JSON.stringify(c.valuesInline));
    const args = [
      'template',
      String(c.releaseName),
      fixture(spec),
      '--namespace',
      String(c.namespace),
      ...(c.includeCRDs ? ['--include-crds'] : []),
      '-f',
      f,
    ];
    out.push(
      ...parseObjects(await mustExec(tools[helm], args))
        .map(normalizeHelm)
        .map((o) => inReleaseNamespace(o, String(c.namespace))),
    );
  }
  return out;
}

/** Renders one component (or the umbrella) with both Helm versions and kustomize. */
export async function renderAll(name: string, preset?: string, dist = DIST): Promise<Rendered> {
  if (wrapsCharts(name)) return renderWrapper(name, preset, dist);
  const chart = join(dist, 'helm', name);
  const args = preset ? ['-f', join(chart, 'presets', `${preset}.yaml`)] : [];
  // the umbrella chart `kubeflow` pairs with the Kustomize example
  const kdir =
    name === 'kubeflow'
      ? join(dist, 'kustomize', 'example', preset ? `overlays/${preset}` : '')
      : join(dist, 'kustomize', name, preset ? `overlays/${preset}` : 'base');
  const [h3, h4, k] = await Promise.all([helmTemplate('helm3', chart, args), helmTemplate('helm4', chart, args), kustomizeBuild(kdir)]);
  return { helm3: parseObjects(h3).map(normalizeHelm), helm4: parseObjects(h4).map(normalizeHelm), kustomize: parseObjects(k) };
}

/** A component with upstream charts: Helm with the packages as dependencies, kustomize with `--enable-helm` and Helm 3. */
async function renderWrapper(name: string, preset: string | undefined, dist: string): Promise<Rendered> {
  const chart = helmChartDir(name, dist);
  const { release, args } = helmTemplateArgs(name);
  const all = [...args, ...(preset ? ['-f', join(chart, 'presets', `${preset}.yaml`)] : [])];
  const kdir = join(await kustomizeDir(name, dist), preset ? `overlays/${preset}` : 'base');
  const [h3, h4, k] = await Promise.all([
    mustExec(tools.helm3, ['template', release, chart, ...all]),
    mustExec(tools.helm4, ['template', release, chart, ...all]),
    kustomizeBuild(kdir, ['--enable-helm', '--helm-command', tools.helm3]),
  ]);
  // the upstream chart writes helm.sh/resource-policy itself, so it is in both outputs; Helm installs
  // namespaced objects that a chart leaves without a namespace into the release namespace
  const ns = componentByName(name).info.release!.namespace;
  const helm = (text: string) =>
    parseObjects(text)
      .map(normalizeHelm)
      .map((o) => inReleaseNamespace(o, ns));
  return { helm3: helm(h3), helm4: helm(h4), kustomize: parseObjects(k).map(normalizeHelm) };
}

/** Kinds without a namespace (the rest get the release namespace when a chart leaves it out). */
const CLUSTER_KINDS = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PriorityClass',
  'StorageClass',
  'PersistentVolume',
  'APIService',
  'ClusterIssuer',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
]);
export function inReleaseNamespace(o: K8sObject, namespace: string): K8sObject {
  if (CLUSTER_KINDS.has(o.kind) || o.metadata?.namespace) return o;
  return { ...o, metadata: { ...o.metadata, namespace } };
}

/**
 * Components whose objects upstream renders inside the entry `name` (their `info.upstream.entry`, e.g.
 * istio-cni in istio-install), each with its preset for the entry's `preset` (`info.upstream.variants`;
 * not listed: its defaults). The entry's parity is measured on its own objects and theirs together.
 */
export function referenceParts(name: string, preset?: string): { name: string; preset?: string }[] {
  return components
    .filter((c) => c.info.name !== name && upstreamOf(c.info)?.entry === name)
    .map((c) => ({ name: c.info.name, preset: preset === undefined ? undefined : upstreamOf(c.info)!.variants?.[preset] }));
}

/** The entry whose reference holds a component's objects, when it is a part of another entry (else undefined). */
export function partOf(name: string): string | undefined {
  const i = infoOf(name);
  const entry = i ? upstreamOf(i)?.entry : undefined;
  return entry && entry !== name ? entry : undefined;
}

/**
 * What parity compares with the reference of `name` (and `preset`): the Helm 3 render of the component
 * and of its parts (referenceParts), and the deviations all of them declare.
 */
export async function parityInputs(
  name: string,
  preset: string | undefined,
  own: Rendered,
): Promise<{ objects: K8sObject[]; declared: string[] }> {
  const parts = referenceParts(name, preset);
  const rendered = await Promise.all(parts.map((p) => renderAll(p.name, p.preset)));
  const infos = [infoOf(name), ...parts.map((p) => infoOf(p.name))];
  return {
    objects: [...own.helm3, ...rendered.flatMap((x) => x.helm3)],
    declared: infos.flatMap((i) => i?.deviations ?? []).map((d) => d.object),
  };
}

export const referenceFile = (name: string, preset?: string): string =>
  join(REFERENCE, preset ? `variants/${name}--${preset}.yaml` : `platform/${name}.yaml`);
export const hasReference = (name: string, preset?: string): boolean => existsSync(referenceFile(name, preset));
export const loadReference = (name: string, preset?: string): K8sObject[] =>
  parseObjects(readFileSync(referenceFile(name, preset), 'utf8'));

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
export function parity(
  target: string,
  ours: K8sObject[],
  ref: K8sObject[],
  declared: string[] = [],
  opts: { ignoreOwnLabels?: boolean } = {},
): ParityRow {
  const hashed = new Set([...hashedNames(ours), ...hashedNames(ref)]);
  const norm = (o: K8sObject) => (opts.ignoreOwnLabels ? withoutOwnLabels(normalizeHashes(o, hashed)) : normalizeHashes(o, hashed));
  const O = byKey(ours.map(norm));
  const R = byKey(ref.map(norm));
  const row: ParityRow = {
    target,
    objects: R.size,
    nonCrdIdentical: 0,
    nonCrdEquivalent: 0,
    nonCrdTotal: 0,
    missing: [],
    extra: [],
    differing: [],
    crdDetails: [],
  };
  const coverages: number[] = [];
  for (const [k, r] of R) {
    const o = O.get(k);
    if (r.kind === 'CustomResourceDefinition') {
      const cov = o ? crdCoverage(r, o) : { covered: 0, total: 1, missing: ['(missing CRD)'] };
      coverages.push(cov.covered / cov.total);
      const mk = o ? crdMarkerCoverage(r, o) : undefined;
      row.crdDetails.push(
        `${k}: ${((100 * cov.covered) / cov.total).toFixed(1)}% of ${cov.total} property paths${cov.missing.length ? `; e.g. missing ${cov.missing.slice(0, 3).join(', ')}` : ''}` +
          (mk?.total
            ? `; apply markers/defaults ${mk.covered}/${mk.total}${mk.missing.length ? ` (e.g. missing ${mk.missing.slice(0, 2).join(', ')})` : ''}`
            : ''),
      );
      if (!o) row.missing.push(k);
      continue;
    }
    row.nonCrdTotal++;
    if (!o) row.missing.push(k);
    else if (canonical(o) === canonical(r)) row.nonCrdIdentical++;
    else if (declared.includes(`${r.kind}/${r.metadata.name}`) && (sameDocuments(r, o) || replacedArtwork(r, o))) row.nonCrdEquivalent++;
    else row.differing.push(`${k}\n${firstDiff(r, o, ['reference', 'ours'])}`);
  }
  for (const k of O.keys()) if (!R.has(k)) row.extra.push(k);
  if (coverages.length) row.crdCoverage = coverages.reduce((a, b) => a + b, 0) / coverages.length;
  return row;
}

/**
 * The object without its own `metadata.labels` (selectors, pod template labels and everything else
 * stay): upstream charts label objects their own way (chart version, release, managed-by).
 */
export function withoutOwnLabels(o: K8sObject): K8sObject {
  if (!o.metadata?.labels) return o;
  const { labels: _, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/**
 * Same object and same data keys, differing only in the text of `.svg` entries: upstream artwork
 * replaced by the project's own (a declared deviation; the project ships no upstream artwork).
 */
function replacedArtwork(r: K8sObject, o: K8sObject): boolean {
  if (canonical({ ...r, data: null }) !== canonical({ ...o, data: null })) return false;
  const rd = r.data ?? {};
  const od = o.data ?? {};
  if (canonical(Object.keys(rd).sort()) !== canonical(Object.keys(od).sort())) return false;
  return Object.keys(rd).every((k) => rd[k] === od[k] || (k.endsWith('.svg') && /<svg[\s>]/.test(od[k])));
}

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
      for (const [k, x] of Object.entries<any>(sch.properties ?? {})) {
        out.add(`${p}.${k}`);
        walk(x, `${p}.${k}`);
      }
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
