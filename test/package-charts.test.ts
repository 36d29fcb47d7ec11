import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseObjects } from './support/objects.js';
import { compareSets, DIST, helmChartDir, skipReason } from './support/render.js';
import { helmTemplate, mustExec, tools } from './support/tools.js';

/** What CI publishes: every chart packages with Helm 3 and 4, and the packaged umbrella renders what the folder does. */
it.each(['helm3', 'helm4'] as const)(
  'every chart packages with %s, and the packaged umbrella renders the same objects',
  async (helm) => {
    const out = mkdtempSync(join(tmpdir(), `kf-pkg-${helm}-`));
    // charts wrapping upstream charts package with their dependencies in charts/ (skipped without the packages)
    const charts = readdirSync(join(DIST, 'helm')).filter((c) => c === 'kubeflow' || !skipReason(c));
    for (const c of charts) await mustExec(tools[helm], ['package', helmChartDir(c), '--destination', out]);
    const tgz = readdirSync(out).filter((f) => f.endsWith('.tgz'));
    expect(tgz.length).toBe(charts.length);
    const umbrella = tgz.find((f) => f.startsWith('kubeflow-0'))!;
    const packed = parseObjects(await helmTemplate(helm, join(out, umbrella)));
    const folder = parseObjects(await helmTemplate(helm, join(DIST, 'helm', 'kubeflow')));
    expect(compareSets(packed, folder, ['packaged', 'folder']).join('\n')).toBe('');
  },
  180_000,
);
