import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { FileTree } from '../files.js';
import { emitYaml } from '../yaml-emit.js';
import { CHART_VERSION } from './chart.js';

/**
 * Chart versions follow semver and change only when a chart's output changes. The record
 * (`dist/chart-versions.json`, committed) holds each chart's version and the digest of its
 * content as synthesized with the base version; a chart whose digest differs from the record gets
 * the next patch version and an `artifacthub.io/changes` entry. Everything synthesized first uses
 * CHART_VERSION; this pass rewrites Chart.yaml files (and the vendored subcharts' and dependency
 * versions) and the README's version line.
 */
export interface VersionRecord {
  readonly version: string;
  readonly digest: string;
  readonly changes: string;
  readonly kind?: 'added' | 'changed';
}
export type VersionRecords = Record<string, VersionRecord>;
export const VERSIONS_FILE = 'chart-versions.json';

/** sha256 of a chart folder's files (sorted by path), as synthesized with the base version. */
export function chartDigest(tree: FileTree, chart: string): string {
  const prefix = `helm/${chart}/`;
  const h = createHash('sha256');
  for (const [k, x] of [...tree].filter(([p]) => p.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b))) h.update(`${k}\0${x}\0`);
  return h.digest('hex');
}

const bumpPatch = (v: string): string => {
  const [maj, min, pat] = v.split('-')[0]!.split('.').map(Number);
  return `${maj}.${min}.${(pat ?? 0) + 1}`;
};

/** Versions for every top-level chart of `tree` against the record; `suffix` marks charts built from a team's values. */
export function chartVersions(tree: FileTree, record: VersionRecords, suffix?: (digest: string) => string): VersionRecords {
  const charts = [...new Set([...tree.keys()].filter((k) => /^helm\/[^/]+\/Chart\.yaml$/.test(k)).map((k) => k.split('/')[1]!))].sort();
  return Object.fromEntries(
    charts.map((c) => {
      const digest = chartDigest(tree, c);
      const prev = record[c];
      if (suffix)
        return [
          c,
          {
            version: `${prev?.version ?? CHART_VERSION}-${suffix(digest)}`,
            digest,
            changes: "Built from a platform team's values (kubeflow-cdk8s synth).",
          },
        ];
      if (!prev) return [c, { version: CHART_VERSION, digest, changes: 'First version of this chart.', kind: 'added' }];
      if (prev.digest === digest) return [c, prev];
      const version = bumpPatch(prev.version);
      return [c, { version, digest, changes: `Rendered objects or chart files changed since ${prev.version}.` }];
    }),
  );
}

/** Rewrites the tree with the versions (and writes the record when `writeRecord`). */
export function applyVersions(tree: FileTree, versions: VersionRecords, writeRecord: boolean): FileTree {
  const out: FileTree = new Map();
  const versionOf = (name: string, owner: string) => versions[name]?.version ?? versions[owner]!.version;
  for (const [k, x] of tree) {
    const m = /^helm\/([^/]+)\/(?:charts\/([^/]+)\/)?Chart\.yaml$/.exec(k);
    if (m) {
      const [, top, sub] = m as unknown as [string, string, string | undefined];
      const meta = parseYaml(x) as Record<string, any>;
      const own = versionOf(sub ?? top, top);
      meta.version = own;
      // vendored subcharts follow their chart; upstream charts (with a repository) keep their pinned version
      for (const d of meta.dependencies ?? []) if (!d.repository) d.version = versionOf(d.name, top);
      if (!sub)
        meta.annotations = {
          ...meta.annotations,
          'artifacthub.io/changes': emitYaml([{ kind: versions[top]!.kind ?? 'changed', description: versions[top]!.changes }]),
        };
      out.set(k, emitYaml(meta));
      continue;
    }
    const readme = /^helm\/([^/]+)\/README\.md$/.exec(k);
    out.set(k, readme ? x.replace(`Chart version ${CHART_VERSION},`, `Chart version ${versionOf(readme[1]!, readme[1]!)},`) : x);
  }
  if (writeRecord) out.set(VERSIONS_FILE, JSON.stringify(versions, null, 2) + '\n');
  return out;
}
