// `npm run package [outdir]`: packages every chart of dist/helm (Helm 3) and writes a repository
// index, ready to publish to a chart repository or an OCI registry (`helm push`).
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mustExec, ROOT, tools } from '../test/support/tools.js';

const out = resolve(process.argv[2] ?? join(ROOT, '.packages'));
mkdirSync(out, { recursive: true });
const charts = readdirSync(join(ROOT, 'dist/helm'));
for (const c of charts) await mustExec(tools.helm3, ['package', join(ROOT, 'dist/helm', c), '--destination', out]);
await mustExec(tools.helm3, ['repo', 'index', out]);
console.log(`packaged ${charts.length} charts into ${out} (index.yaml written)`);
