import { join } from 'node:path';
import { expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { allSpecs } from '../src/core/component.js';
import { readTree } from '../src/core/files.js';
import { docsOf } from '../src/core/values.js';
import { DIST } from './support/render.js';

/**
 * Nothing is silently dropped: every value a chart declares is read by some template (itself or a
 * group/list around it), so setting it always has an effect. And every value is documented.
 */
const refs = (path: string): string[] => {
  const parts = path.split('.');
  const plain = parts.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p));
  return [plain ? `.Values.${path}` : `(index .Values ${parts.map((p) => JSON.stringify(p)).join(' ')})`];
};

const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Value paths (outside `global`) that no template reads, neither themselves nor a group around them. */
function unusedValues(rows: { path: string }[], templates: string): string[] {
  const unused: string[] = [];
  for (const row of rows) {
    if (row.path.startsWith('global.')) continue; // read by helpers and overrides, tested in the engine tests
    // a value counts as used when its own path, or the path of a group it belongs to, is read whole
    const parts = row.path.split('.');
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('.')).reverse();
    const used = candidates.some((p, i) => refs(p).some((r) => new RegExp(`${esc(r)}(?![A-Za-z0-9_${i ? '.' : ''}])`).test(templates)));
    if (!used) unused.push(row.path);
  }
  return unused;
}

it('finds a value no template reads', () => {
  const rows = [{ path: 'replicas' }, { path: 'image.tag' }, { path: 'links.menu' }];
  expect(unusedValues(rows, 'replicas: {{ .Values.replicas }} {{ dict "image" .Values.image }}')).toEqual(['links.menu']);
  expect(unusedValues(rows, '{{ .Values.replicasMax }} {{ .Values.image.repository }} {{ .Values.links.menu }}')).toEqual([
    'replicas',
    'image.tag',
  ]);
});

it.each(components.map((c) => c.info.name))('%s: every value is used by a template and documented', (name) => {
  const c = components.find((x) => x.info.name === name)!;
  const templates = [...readTree(join(DIST, 'helm', name))]
    .filter(([k]) => k.startsWith('templates/'))
    .map(([, v]) => v)
    .join('\n');
  const rows = docsOf(allSpecs(c.info));
  const undocumented = rows.filter((r) => r.description.trim().length < 8).map((r) => r.path);
  // values under an upstream chart's key are read by that chart (a dependency), not by our templates
  const aliases = new Set((c.info.upstreamCharts ?? []).map((u) => u.alias));
  const unused = unusedValues(
    rows.filter((r) => !aliases.has(r.path.split('.')[0]!)),
    templates,
  );
  expect(undocumented, 'values without a description').toEqual([]);
  expect(unused, 'values no template reads').toEqual([]);
});
