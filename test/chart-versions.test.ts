import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildDist, committedVersions } from '../src/build.js';
import { readTree } from '../src/core/files.js';
import { DIST } from './support/render.js';

/**
 * Chart versions: semver; a chart's version changes exactly when its content does (the committed
 * record dist/chart-versions.json holds each chart's content digest), and Chart.yaml says what changed.
 */
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const charts = [...readTree(join(DIST, 'helm'))]
  .map(([k]) => k)
  .filter((k) => /^[^/]+\/Chart\.yaml$/.test(k))
  .map((k) => k.split('/')[0]!);

it('every chart in dist/ carries the recorded version, semver, with artifacthub.io/changes', () => {
  const record = committedVersions();
  expect(Object.keys(record).sort()).toEqual([...charts].sort());
  for (const c of charts) {
    const meta = parseYaml(readFileSync(join(DIST, 'helm', c, 'Chart.yaml'), 'utf8')) as {
      version: string;
      annotations: Record<string, string>;
    };
    expect(meta.version, c).toMatch(SEMVER);
    expect(meta.version, c).toBe(record[c]!.version);
    expect(meta.annotations['artifacthub.io/changes'], c).toContain(record[c]!.changes);
  }
});

it('a chart whose content changed gets the next patch version; the others keep theirs, and the umbrella points at it', () => {
  const record = structuredClone(committedVersions());
  record['centraldashboard'] = { ...record['centraldashboard']!, digest: 'content-of-an-older-version' };
  const tree = buildDist(record);
  const { $comment: _, ...versions } = JSON.parse(tree.get('chart-versions.json')!) as typeof record & { $comment?: string };
  const before = committedVersions();
  const bumped = Object.keys(versions).filter((c) => versions[c]!.version !== before[c]!.version);
  expect(bumped).toEqual(['centraldashboard']);
  const [maj, min, pat] = before['centraldashboard']!.version.split('.').map(Number);
  expect(versions['centraldashboard']!.version).toBe(`${maj}.${min}.${pat! + 1}`);
  expect(tree.get('helm/centraldashboard/Chart.yaml')).toContain(`version: ${versions['centraldashboard']!.version}`);
  const umbrella = parseYaml(tree.get('helm/kubeflow/Chart.yaml')!) as { dependencies: { name: string; version: string }[] };
  expect(umbrella.dependencies.find((d) => d.name === 'centraldashboard')!.version).toBe(versions['centraldashboard']!.version);
  expect(tree.get('helm/kubeflow/charts/centraldashboard/Chart.yaml')).toContain(`version: ${versions['centraldashboard']!.version}`);
});
