import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { offlineChart, remoteDependencies } from '../../src/cli/offline-charts.js';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { RenderedRelease } from '../../src/platform/rules.js';
import { parseObjects } from './objects.js';
import { DIST } from './render.js';
import { mustExec, ROOT, tools } from './tools.js';
import { dryRunRelease, type DryRunRelease } from '../../src/verify/release.js';

/** Published upstream chart packages (test fixtures; absent on machines without ../shared). */
export const SHARED_CHARTS = join(ROOT, '..', 'shared', 'charts');

export interface PlannedRelease {
  name: string;
  namespace: string;
  chart: string;
  values: string;
  needs: string[];
}

/** The releases of a generated helmfile.yaml, with absolute chart and values paths. */
export function readHelmfile(planDir: string): PlannedRelease[] {
  const doc = parseYaml(readFileSync(join(planDir, 'helmfile.yaml'), 'utf8')) as {
    releases: { name: string; namespace: string; chart: string; values: string[]; needs?: string[] }[];
  };
  return doc.releases.map((r) => ({
    name: r.name,
    namespace: r.namespace,
    chart: join(planDir, r.chart),
    values: join(planDir, r.values[0]!),
    needs: r.needs ?? [],
  }));
}

/** Whether every upstream chart the chart depends on is among the fixtures. */
export const fixturesFor = (chart: string): boolean =>
  remoteDependencies(chart).every((d) => existsSync(join(SHARED_CHARTS, `${d.name}-${d.version}.tgz`)));
const ready = (chart: string) => offlineChart(chart, SHARED_CHARTS);

export async function renderRelease(r: PlannedRelease): Promise<RenderedRelease> {
  const chart = await ready(r.chart);
  const text = await mustExec(tools.helm3, ['template', r.name, chart, '--namespace', r.namespace, '--include-crds', '-f', r.values]);
  return { name: r.name, namespace: r.namespace, objects: parseObjects(text) as RenderedRelease['objects'] };
}

/** The release as Helm 4 would store it (client-side dry run): stored bytes and NOTES. */
export const dryRun = async (r: PlannedRelease): Promise<DryRunRelease> =>
  dryRunRelease(r.name, await ready(r.chart), ['--namespace', r.namespace, '-f', r.values]);

/** Bytes Helm stores for the release: base64 of gzip of the release JSON. */
export const storedSize = async (r: PlannedRelease): Promise<number> => (await dryRun(r)).storedBytes;

export const planDirs = (): { label: string; dir: string }[] => {
  const base = join(DIST, 'platform');
  const presets = existsSync(join(base, 'presets')) ? readdirSync(join(base, 'presets')).sort() : [];
  return [{ label: 'platform', dir: base }, ...presets.map((p) => ({ label: `platform:${p}`, dir: join(base, 'presets', p) }))];
};
