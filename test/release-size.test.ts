import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readTree } from '../src/core/files.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { componentByName } from '../src/components/index.js';
import { DIST, helmChartDir, helmTemplateArgs, skipReason, UPSTREAM_CHARTS, wrapsCharts } from './support/render.js';
import { helmTemplate, mustExec, tools } from './support/tools.js';
import { components } from '../src/components/index.js';

/**
 * Helm stores a release as base64(gzip(JSON of chart files + rendered manifest)) in one Secret of
 * at most 1 MiB; we keep every chart under 800 KiB to leave room for values and history.
 */
const LIMIT = 800 * 1024;
const charts = [...components.map((c) => c.info.name), 'kubeflow'].filter((n, i, a) => a.indexOf(n) === i);

/** The files of the upstream charts a component wraps: Helm stores them with the release, unpacked. */
async function dependencyFiles(name: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!wrapsCharts(name)) return out;
  for (const c of componentByName(name).info.upstreamCharts ?? []) {
    const dir = mkdtempSync(join(tmpdir(), 'kf-dep-'));
    await mustExec('tar', ['xzf', join(UPSTREAM_CHARTS, `${c.name}-${c.version}.tgz`), '-C', dir]);
    for (const [k, v] of readTree(dir)) out.set(`charts/${k}`, v);
  }
  return out;
}

it.each(charts)('%s release stays under 800 KiB when stored', async (name) => {
  if (skipReason(name)) return console.log(skipReason(name));
  const files = new Map([...readTree(join(DIST, 'helm', name)), ...await dependencyFiles(name)]);
  if (!files.size) return; // umbrella not generated yet
  const { release: releaseName, args } = helmTemplateArgs(name);
  const manifest = wrapsCharts(name)
    ? await mustExec(tools.helm3, ['template', releaseName, helmChartDir(name), ...args])
    : await helmTemplate('helm3', join(DIST, 'helm', name));
  const release = JSON.stringify({ chart: Object.fromEntries(files), manifest });
  const stored = Buffer.from(gzipSync(release)).toString('base64').length;
  expect(stored).toBeLessThan(LIMIT);
});
