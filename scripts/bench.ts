// `npm run bench`: times, in one run, full synthesis of dist/ (in process), `helm template` of the
// umbrella chart with Helm 3 and Helm 4, and `kustomize build` of the Kustomize example (the same
// objects), and prints them as ratios to the kustomize build. Medians of several runs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist } from '../src/build.js';
import { tools, ROOT } from '../test/support/tools.js';
import { fixturesFor, planDirs, readHelmfile, storedSize } from '../test/support/plan.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(label: string, f: () => unknown): { label: string; ms: number } {
  f(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    f();
    xs.push(performance.now() - t0);
  }
  return { label, ms: median(xs) };
}
const run = (bin: string, args: string[]) => () =>
  execFileSync(bin, args, { cwd: ROOT, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });

const umbrella = join(ROOT, 'dist/helm/kubeflow');
const example = join(ROOT, 'dist/kustomize/example');
// Upstream's `kustomize build example` cannot run here (no upstream checkout). Its rendered output
// (../shared/reference, 675 objects) built as plain resources is a lower bound for it: same objects,
// none of upstream's patches, generators and remote bases.
function upstreamLowerBound(): string | undefined {
  const ref = join(ROOT, '..', 'shared', 'reference', 'kubeflow-26.03', 'platform');
  if (!existsSync(ref)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kf-bench-upstream-'));
  const files = readdirSync(ref).filter((f) => f.endsWith('.yaml'));
  for (const f of files) copyFileSync(join(ref, f), join(dir, f));
  writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n${files.map((f) => `- ${f}`).join('\n')}\n`);
  return dir;
}
const upstream = upstreamLowerBound();

const results = [
  time('synthesis of all charts and bases (in process)', () => buildDist()),
  // a new, empty output folder each run: the time includes writing every file
  time('synthesis, cold process (npx tsx src/main.ts <new folder>)', () =>
    run(process.execPath, [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'src/main.ts',
      join(mkdtempSync(join(tmpdir(), 'kf-bench-dist-')), 'dist'),
    ])(),
  ),
  time('helm3 template dist/helm/kubeflow', run(tools.helm3, ['template', 'kubeflow', umbrella])),
  time('helm4 template dist/helm/kubeflow', run(tools.helm4, ['template', 'kubeflow', umbrella])),
  ...(upstream
    ? [
        time(
          'kustomize build of the upstream 26.03 render (675 objects, lower bound of upstream `kustomize build example`)',
          run(tools.kubectl, ['kustomize', upstream]),
        ),
      ]
    : []),
  time('kustomize build dist/kustomize/example', run(tools.kubectl, ['kustomize', example])),
];
if (!upstream) console.log('(../shared/reference not present: upstream comparison skipped)');
const base = results[results.length - 1]!.ms;
const objects =
  execFileSync(tools.kubectl, ['kustomize', example], { maxBuffer: 1 << 28 })
    .toString()
    .split(/^kind: /m).length - 1;
console.log(`kubeflow-cdk8s bench: ${objects} objects, median of ${RUNS} runs, one process, ${new Date().toISOString()}`);
const up = upstream ? results[results.length - 2]!.ms : undefined;
console.log(`| step | median ms | ratio to kustomize build of our example |${up ? ' ratio to upstream render build |' : ''}`);
console.log(`|---|---:|---:|${up ? '---:|' : ''}`);
for (const r of results)
  console.log(`| ${r.label} | ${r.ms.toFixed(0)} | ${(r.ms / base).toFixed(2)} |${up ? ` ${(r.ms / up).toFixed(2)} |` : ''}`);

// Every release of every install plan, measured as Helm stores it (Helm 4 release object, base64 of gzip).
console.log('\n| install plan | release | stored KiB (limit 800) |\n|---|---|---:|');
for (const { label, dir } of planDirs()) {
  for (const r of readHelmfile(dir)) {
    const size = fixturesFor(r.chart) ? `${((await storedSize(r)) / 1024).toFixed(1)}` : 'upstream charts not present';
    console.log(`| ${label} | ${r.name} | ${size} |`);
  }
}
