import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readTree } from '../src/core/files.js';
import { DIST, helmChartDir, skipReason, wrapsCharts } from './support/render.js';
import { exec, ROOT, tools } from './support/tools.js';

/**
 * The `helm install`/`helm upgrade` commands the READMEs show must work: each is run as
 * `helm template` (same chart, same values flags) from the repository root.
 */
function helmCommands(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((l) => l.trim().replace(/\s+#.*$/, ''))
    .filter((l) => /^helm (install|upgrade) /.test(l));
}

function asTemplate(cmd: string): string[] {
  const words = cmd.split(/\s+/).slice(1);
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'install' || w === 'upgrade' || w === '--install' || w === '--reuse-values') continue;
    if (w === '-n') {
      i++;
      continue;
    }
    // a chart with upstream dependencies renders from a copy with the packages in charts/ (helm dependency build)
    const wrapped = /^\.\/dist\/helm\/([^/]+)$/.exec(w);
    args.push(wrapped && wrapsCharts(wrapped[1]!) ? helmChartDir(wrapped[1]!) : w.replace(/^\$RELEASE$/, 'r'));
  }
  return ['template', ...args];
}

const readmes = [
  'README.md',
  ...[...readTree(join(DIST, 'helm'))]
    .map(([k]) => k)
    .filter((k) => /^[^/]+\/README\.md$/.test(k))
    .map((k) => `dist/helm/${k}`),
];

/** Commands already rendered (READMEs repeat some): each distinct command runs once. */
const rendered = new Map<string, Promise<{ code: number; stderr: string }>>();

it.each(readmes)('%s: its helm commands render', async (file) => {
  const name = /^dist\/helm\/([^/]+)\/README\.md$/.exec(file)?.[1];
  if (name && name !== 'kubeflow' && skipReason(name)) return console.log(skipReason(name));
  const cmds = helmCommands(readFileSync(join(ROOT, file), 'utf8'));
  expect(cmds.length).toBeGreaterThan(0);
  for (const cmd of cmds) {
    const args = asTemplate(cmd);
    const key = args.join('\0');
    if (!rendered.has(key)) rendered.set(key, exec(tools.helm3, args));
    const r = await rendered.get(key)!;
    expect(r.code, `${cmd}\n${r.stderr}`).toBe(0);
  }
});
