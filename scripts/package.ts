// `npm run package [outdir]`: packages every chart of dist/helm (Helm 3) and writes a repository
// index, ready to publish to a chart repository or an OCI registry (`helm push`).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mustExec, ROOT, tools } from '../test/support/tools.js';

const out = resolve(process.argv[2] ?? join(ROOT, '.packages'));
mkdirSync(out, { recursive: true });
const charts = readdirSync(join(ROOT, 'dist/helm'));
// charts wrapping upstream charts fetch them first (network; `helm repo add` their repositories, see their README)
const fetch = (c: string) => /^dependencies:/m.test(readFileSync(join(ROOT, 'dist/helm', c, 'Chart.yaml'), 'utf8')) && !existsSync(join(ROOT, 'dist/helm', c, 'charts'));
for (const c of charts) await mustExec(tools.helm3, ['package', join(ROOT, 'dist/helm', c), '--destination', out, ...(fetch(c) ? ['--dependency-update'] : [])]);
await mustExec(tools.helm3, ['repo', 'index', out]);
console.log(`packaged ${charts.length} charts into ${out} (index.yaml written)`);
