import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mustExec, tools } from '../verify/tools.js';
import { UsageError } from './errors.js';

interface Dependency {
  name: string;
  version: string;
  repository?: string;
}

/** Upstream chart dependencies (fetched from a chart repository) of a generated chart. */
export function remoteDependencies(chart: string): Dependency[] {
  const meta = parseYaml(readFileSync(join(chart, 'Chart.yaml'), 'utf8')) as { dependencies?: Dependency[] };
  return (meta.dependencies ?? []).filter((d) => d.repository && !d.repository.startsWith('file://'));
}

/**
 * A chart ready to render: as it is when it has no upstream dependency; otherwise a scratch copy
 * with the dependencies in charts/, taken from `packages` (a folder of `<name>-<version>.tgz`, for
 * machines without network) or fetched by `helm dependency build`.
 */
export async function offlineChart(chart: string, packages?: string): Promise<string> {
  if (!remoteDependencies(chart).length) return chart;
  if (packages) return chartWithPackages(chart, packages);
  const copy = join(mkdtempSync(join(tmpdir(), 'kubeflow-chart-')), basename(chart));
  cpSync(chart, copy, { recursive: true });
  await mustExec(tools.helm3, ['dependency', 'build', copy]);
  return copy;
}

/** A scratch copy of the chart (same folder name) with its upstream dependencies taken from `packages` (`<name>-<version>.tgz`). */
export function chartWithPackages(chart: string, packages: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'kubeflow-chart-')), basename(chart));
  cpSync(chart, copy, { recursive: true });
  mkdirSync(join(copy, 'charts'), { recursive: true });
  for (const d of remoteDependencies(chart)) {
    const tgz = join(packages, `${d.name}-${d.version}.tgz`);
    if (!existsSync(tgz)) throw new UsageError(`${chart}: needs ${d.name} ${d.version} from ${d.repository}, not found as ${tgz}`);
    cpSync(tgz, join(copy, 'charts', `${d.name}-${d.version}.tgz`));
  }
  return copy;
}
