import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { DIST, helmChartDir, helmTemplateArgs, skipReason } from './support/render.js';
import { dryRunRelease } from '../src/verify/release.js';

/**
 * Helm stores a release as base64(gzip(release JSON)) in one Secret of at most 1 MiB; we keep every
 * chart's release under 800 KiB to leave room for values and history. Measured on the real release
 * object: Helm 4 `install --dry-run=client -o json` (it holds the top chart's own files and the
 * rendered manifest; subcharts' files are not stored).
 */
const LIMIT = 800 * 1024;
const charts = [...components.map((c) => c.info.name), 'kubeflow'].filter((n, i, a) => a.indexOf(n) === i);
const rows: string[] = [];

it.each(charts)('%s release stays under 800 KiB when stored', async (name) => {
  if (skipReason(name)) return console.log(skipReason(name));
  const { release, args } = name === 'kubeflow' ? { release: 'kubeflow', args: [] } : helmTemplateArgs(name);
  const chart = name === 'kubeflow' ? join(DIST, 'helm', name) : helmChartDir(name);
  const stored = (
    await dryRunRelease(
      release,
      chart,
      args.filter((a) => a !== '--include-crds'),
    )
  ).storedBytes;
  rows.push(`| ${name} | ${(stored / 1024).toFixed(1)} |`);
  expect(stored).toBeLessThan(LIMIT);
});

afterAll(() =>
  console.log(['stored release size (Helm 4 release object, base64 of gzip)', '| chart | KiB |', '|---|---:|', ...rows.sort()].join('\n')),
);
