import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { componentByName } from '../components/index.js';
import { adoptionCommands } from '../core/helm/adoption.js';
import { synthConcrete } from '../core/synth.js';
import type { PlatformValues } from '../platform/definition.js';
import { installPlan } from '../platform/plan.js';
import { diffObjects, type ObjectDiff } from '../verify/compare.js';
import { normalizeHelm, parseObjects, type K8sObject } from '../verify/objects.js';
import { EXIT, UsageError } from './errors.js';
import { customizedPlatform } from './synth.js';
import { withValues } from '../platform/customize.js';

export interface DiffOptions {
  /** `kustomize build` output (a file) or a folder of YAML files: the existing install's objects. */
  readonly from: string;
  readonly values: Record<string, unknown>;
  readonly preset?: string;
  readonly component?: string;
}

export interface DiffResult {
  readonly diff: ObjectDiff;
  readonly report: string[];
  readonly exitCode: number;
}

/** Objects of an existing install: one YAML stream, or every .yaml/.yml/.json file under a folder. */
export function readExisting(from: string): K8sObject[] {
  if (!existsSync(from)) throw new UsageError(`--from ${from} does not exist`);
  const files = statSync(from).isDirectory() ? walk(from) : [from];
  return files.flatMap((f) => {
    try {
      return parseObjects(readFileSync(f, 'utf8')).filter((o) => o.kind && o.metadata?.name && o.kind !== 'Kustomization');
    } catch (e) {
      throw new UsageError(`${f}: ${(e as Error).message}`);
    }
  });
}
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(ya?ml|json)$/.test(e.name) ? [p] : [];
  });
}

/**
 * What adopting an existing Kustomize install with Helm would change: each existing object against
 * ours (charts rendered with these values; Helm ≡ concrete synthesis is checked by the test suite),
 * then the commands that hand identical objects to their release.
 */
export function runDiff(o: DiffOptions): DiffResult {
  const existing = readExisting(o.from);
  const { ours, declared, releaseOf } = rendered(o);
  // CRDs are generated from typed schemas (src/core/crd): they cover upstream's but are not byte-identical
  const diff = diffObjects(existing, ours, (x) => x.kind === 'CustomResourceDefinition' || declared.has(`${x.kind}/${x.metadata?.name}`));
  const report: string[] = [
    `${existing.length} existing objects, ${ours.length} rendered: ${diff.identical.length} identical, ${diff.declared.length} differ as declared, ${diff.differing.length} differ, ${diff.onlyExisting.length} only existing, ${diff.onlyOurs.length} only rendered`,
  ];
  for (const d of diff.differing) report.push(`DIFFERS ${d.key}\n${d.detail}`);
  for (const k of diff.onlyExisting) report.push(`ONLY EXISTING ${k} (Helm would not manage it; delete it or keep it by hand)`);
  for (const k of diff.onlyOurs) report.push(`ONLY RENDERED ${k} (the release would create it)`);
  if (diff.declared.length) {
    report.push('', 'Declared deviations (see the chart README, "Deviations"; CRDs are generated from typed schemas):');
    for (const d of diff.declared) report.push(`DECLARED ${d.key}\n${d.detail}`);
  }
  const adopt = ours.filter((x) =>
    existing.some(
      (e) => e.kind === x.kind && e.metadata?.name === x.metadata?.name && (e.metadata?.namespace ?? '') === (x.metadata?.namespace ?? ''),
    ),
  );
  const byRelease = new Map<string, K8sObject[]>();
  for (const x of adopt) byRelease.set(releaseOf(x), [...(byRelease.get(releaseOf(x)) ?? []), x]);
  if (adopt.length) {
    report.push('', 'Commands that let Helm adopt the existing objects (run before helm install/upgrade):');
    for (const [release, objs] of byRelease)
      report.push(
        ...adoptionCommands(
          objs.map((json) => ({ file: '', json, conditions: [] })),
          release,
        ),
      );
  }
  const changes = diff.differing.length + diff.onlyExisting.length + diff.onlyOurs.length;
  const exitCode = changes ? EXIT.findings : diff.declared.length ? EXIT.declaredOnly : EXIT.ok;
  report.push(
    '',
    changes
      ? `${changes} objects would change: not a zero-diff adoption`
      : diff.declared.length
        ? `nothing would change but the ${diff.declared.length} declared deviations`
        : 'nothing would change: zero-diff adoption',
  );
  return { diff, report, exitCode };
}

function rendered(o: DiffOptions): { ours: K8sObject[]; declared: Set<string>; releaseOf: (x: K8sObject) => string } {
  const entries = o.component
    ? [withValues(componentByName(o.component), o.values)]
    : customizedPlatform(o.values as PlatformValues, o.preset);
  const owner = new Map<string, string>();
  const ours = entries.flatMap((e) =>
    synthConcrete(e).map((s) => {
      const json = normalizeHelm(s.json as K8sObject);
      owner.set(`${json.kind}/${json.metadata?.namespace ?? ''}/${json.metadata?.name}`, e.info.name);
      return json;
    }),
  );
  const declared = new Set(entries.flatMap((e) => (e.info.deviations ?? []).map((d) => d.object)));
  // the release each object belongs to in the install plan (a single component: its own chart)
  const plan = o.component ? undefined : installPlan(entries, {});
  const releaseOf = (x: K8sObject) => {
    const c = owner.get(`${x.kind}/${x.metadata?.namespace ?? ''}/${x.metadata?.name}`) ?? '';
    if (!plan) return c;
    if (x.kind === 'Namespace') return 'kubeflow-namespaces';
    if (x.kind === 'CustomResourceDefinition') return plan.releases.find((r) => r.role === 'crds' && r.components.includes(c))?.name ?? c;
    return plan.releases.find((r) => r.role !== 'crds' && r.components.includes(c))?.name ?? c;
  };
  return { ours, declared, releaseOf };
}
