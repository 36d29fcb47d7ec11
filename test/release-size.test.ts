import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readTree } from '../src/core/files.js';
import { DIST } from './support/render.js';
import { helmTemplate } from './support/tools.js';
import { components } from '../src/components/index.js';

/**
 * Helm stores a release as base64(gzip(JSON of chart files + rendered manifest)) in one Secret of
 * at most 1 MiB; we keep every chart under 800 KiB to leave room for values and history.
 */
const LIMIT = 800 * 1024;
const charts = [...components.map((c) => c.info.name), 'kubeflow'].filter((n, i, a) => a.indexOf(n) === i);

it.each(charts)('%s release stays under 800 KiB when stored', async (name) => {
  const files = readTree(join(DIST, 'helm', name));
  if (!files.size) return; // umbrella not generated yet
  const manifest = await helmTemplate('helm3', join(DIST, 'helm', name));
  const release = JSON.stringify({ chart: Object.fromEntries(files), manifest });
  const stored = Buffer.from(gzipSync(release)).toString('base64').length;
  expect(stored).toBeLessThan(LIMIT);
});
