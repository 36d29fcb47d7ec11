import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlatformValues } from '../platform/definition.js';
import { installPlan, type InstallPlan } from '../platform/plan.js';
import { dryRunRelease } from '../verify/release.js';
import { customizedPlatform, synthTree, writeOutput } from './synth.js';
import { offlineChart } from './offline-charts.js';

export interface PlanRow {
  index: number;
  name: string;
  namespace: string;
  chart: string;
  needs: string[];
  storedBytes?: number;
}

export function planFor(values: PlatformValues, preset?: string): InstallPlan {
  return installPlan(customizedPlatform(values, preset), {});
}

/**
 * The releases in order, each measured as Helm stores it: the platform is synthesized into a
 * scratch folder and every release goes through Helm 4 `install --dry-run=client -o json`.
 */
export async function measurePlan(
  values: PlatformValues,
  o: { preset?: string; charts?: string; progress?: (l: string) => void },
): Promise<PlanRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeflow-plan-'));
  writeOutput(dir, synthTree({ values, preset: o.preset }));
  const plan = planFor(values, o.preset);
  const rows: PlanRow[] = [];
  for (const [i, r] of plan.releases.entries()) {
    o.progress?.(`measuring ${r.name}`);
    const chart = await offlineChart(join(dir, 'helm', r.chart), o.charts);
    const valuesFile = join(dir, 'platform', 'values', `${r.name}.yaml`);
    const { storedBytes } = await dryRunRelease(r.name, chart, ['--namespace', r.namespace, '-f', valuesFile]);
    rows.push({ index: i + 1, name: r.name, namespace: r.namespace, chart: r.chart, needs: r.needs, storedBytes });
  }
  return rows;
}

export function planTable(rows: PlanRow[]): string[] {
  return [
    '| # | release | namespace | chart | needs | stored KiB |',
    '|---|---|---|---|---|---:|',
    ...rows.map(
      (r) =>
        `| ${r.index} | ${r.name} | ${r.namespace} | ${r.chart} | ${r.needs.join(', ') || '–'} | ${r.storedBytes === undefined ? '?' : (r.storedBytes / 1024).toFixed(1)} |`,
    ),
  ];
}
