import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { helmChartDir, skipReason } from './support/render.js';
import { exec, tools } from './support/tools.js';

/** `helm lint --strict` with both Helm versions, for default values and every preset. */
const charts = [...components.map((c) => ({ name: c.info.name, presets: Object.keys(c.info.presets ?? {}) }))];

describe.each(charts)('$name chart', ({ name, presets }) => {
  // charts wrapping upstream charts are linted with the packages in charts/ (skipped without them)
  const skip = skipReason(name);
  if (skip) {
    it.skip(skip, () => {});
    return;
  }
  it.each(['helm3', 'helm4'] as const)('passes %s lint --strict (defaults and presets)', async (helm) => {
    const chart = helmChartDir(name);
    for (const p of [undefined, ...presets]) {
      const r = await exec(tools[helm], ['lint', '--strict', chart, ...(p ? ['-f', join(chart, 'presets', `${p}.yaml`)] : [])]);
      expect(r.code, `${helm} lint ${name}${p ? ` -f presets/${p}.yaml` : ''}:\n${r.stdout}${r.stderr}`).toBe(0);
    }
  });
});
