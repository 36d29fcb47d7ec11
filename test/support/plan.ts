import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import type { RenderedRelease } from '../../src/platform/rules.js';
import { parseObjects } from './objects.js';
import { DIST } from './render.js';
import { mustExec, ROOT, tools } from './tools.js';

/** Published upstream chart packages (test fixtures; absent on machines without ../shared). */
export const SHARED_CHARTS = join(ROOT, '..', 'shared', 'charts');

export interface PlannedRelease { name: string; namespace: string; chart: string; values: string; needs: string[] }

/** The releases of a generated helmfile.yaml, with absolute chart and values paths. */
export function readHelmfile(planDir: string): PlannedRelease[] {
  const doc = parseYaml(readFileSync(join(planDir, 'helmfile.yaml'), 'utf8')) as { releases: { name: string; namespace: string; chart: string; values: string[]; needs?: string[] }[] };
  return doc.releases.map((r) => ({
    name: r.name, namespace: r.namespace, chart: join(planDir, r.chart), values: join(planDir, r.values[0]!), needs: r.needs ?? [],
  }));
}

/**
 * A chart ready to render offline: our chart as it is, or, when it depends on upstream charts,
 * a temporary copy with their published packages in charts/ (what `helm dependency build` would
 * fetch). Undefined when a package is not among the fixtures.
 */
export function offlineChart(chart: string): string | undefined {
  const meta = parseYaml(readFileSync(join(chart, 'Chart.yaml'), 'utf8')) as { dependencies?: { name: string; version: string; repository?: string }[] };
  const remote = (meta.dependencies ?? []).filter((d) => d.repository && !d.repository.startsWith('file://'));
  if (!remote.length) return chart;
  const packages = remote.map((d) => join(SHARED_CHARTS, `${d.name}-${d.version}.tgz`));
  if (!packages.every(existsSync)) return undefined;
  const copy = join(mkdtempSync(join(tmpdir(), 'kf-chart-')), 'chart');
  cpSync(chart, copy, { recursive: true });
  mkdirSync(join(copy, 'charts'), { recursive: true });
  for (const p of packages) cpSync(p, join(copy, 'charts', p.split('/').pop()!));
  return copy;
}

export async function renderRelease(r: PlannedRelease): Promise<RenderedRelease> {
  const chart = offlineChart(r.chart);
  if (!chart) throw new Error(`${r.name}: upstream chart packages not available`);
  const text = await mustExec(tools.helm3, ['template', r.name, chart, '--namespace', r.namespace, '--include-crds', '-f', r.values]);
  return { name: r.name, namespace: r.namespace, objects: parseObjects(text) as RenderedRelease['objects'] };
}

/** Bytes Helm stores for the release: base64 of gzip of the release JSON (Helm 4, client-side dry run). */
export async function storedSize(r: PlannedRelease): Promise<number> {
  const chart = offlineChart(r.chart);
  if (!chart) throw new Error(`${r.name}: upstream chart packages not available`);
  const json = await mustExec(tools.helm4, ['install', r.name, chart, '--namespace', r.namespace, '-f', r.values, '--dry-run=client', '-o', 'json']);
  return gzipSync(JSON.stringify(JSON.parse(json))).toString('base64').length;
}

export const planDirs = (): { label: string; dir: string }[] => {
  const base = join(DIST, 'platform');
  const presets = existsSync(join(base, 'presets')) ? readdirSync(join(base, 'presets')).sort() : [];
  return [{ label: 'platform', dir: base }, ...presets.map((p) => ({ label: `platform:${p}`, dir: join(base, 'presets', p) }))];
};
