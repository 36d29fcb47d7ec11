import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { parseObjects } from './support/objects.js';
import { exec, mustExec, ROOT } from './support/tools.js';

/**
 * A platform team's app outside src/ (examples/consumer-app) against the packed package: `npm pack`
 * (which builds lib/ in prepack), the tarball unpacked as the app's node_modules/kubeflow-cdk8s (its
 * dependencies linked from this repository's node_modules, so the test needs no registry), then `tsc`
 * and the app's synthesis. Each file of examples/consumer-app/typos must fail `tsc`.
 */
const APP = join(ROOT, 'examples/consumer-app');
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kf-consumer-'));
  const npm = process.env.npm_execpath;
  const packArgs = ['pack', '--pack-destination', dir, '--silent'];
  const tgz = (npm ? await mustExec(process.execPath, [npm, ...packArgs]) : await mustExec('npm', packArgs)).trim().split('\n').pop()!;
  const pkg = join(dir, 'node_modules/kubeflow-cdk8s');
  mkdirSync(pkg, { recursive: true });
  await mustExec('tar', ['-xzf', join(dir, tgz), '-C', pkg, '--strip-components=1']);
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  for (const dep of ['cdk8s', 'constructs', '@types']) symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep));
  cpSync(join(APP, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  cpSync(join(APP, 'package.json'), join(dir, 'package.json'));
  cpSync(join(APP, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(APP, 'typos'), join(dir, 'typos'), { recursive: true });
}, 180_000);

let tscOutput = '';
/** One `tsc` over the app and the typo files (emit continues past the typos' errors). */
async function compile(): Promise<string> {
  writeFileSync(
    join(dir, 'tsconfig.all.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: '.' }, include: ['src', 'typos'] }),
  );
  const r = await exec(process.execPath, [tsc, '-p', join(dir, 'tsconfig.all.json')], { cwd: dir });
  return r.stdout + r.stderr;
}

it('the consumer app compiles against the packed package and synthesizes three components and the platform', async () => {
  tscOutput = await compile();
  expect(tscOutput.split('\n').filter((l) => /error TS/.test(l) && !l.startsWith('typos/'))).toEqual([]);
  await mustExec(process.execPath, [join(dir, 'lib/src/main.js'), join(dir, 'out')], { cwd: dir });
  const files = readdirSync(join(dir, 'out')).sort();
  expect(files).toEqual(['components.k8s.yaml', 'platform.k8s.yaml']);
  const comps = parseObjects(readFileSync(join(dir, 'out/components.k8s.yaml'), 'utf8'));
  const dash = comps.find((o) => o.kind === 'Deployment' && o.metadata.name === 'centraldashboard')!;
  expect(dash.spec.replicas).toBe(2);
  expect(comps.some((o) => o.kind === 'Deployment' && o.metadata.name === 'jupyter-web-app-deployment')).toBe(true);
  expect(comps.filter((o) => o.metadata.labels?.team === 'platform').length).toBeGreaterThan(0);
  const platform = parseObjects(readFileSync(join(dir, 'out/platform.k8s.yaml'), 'utf8'));
  expect(platform.find((o) => o.kind === 'Deployment' && o.metadata.name === 'centraldashboard')!.spec.replicas).toBe(3);
  expect(platform.some((o) => o.kind === 'Profile')).toBe(false); // user-namespace disabled
}, 120_000);

it('every deliberate typo in examples/consumer-app/typos fails tsc', async () => {
  if (!tscOutput) tscOutput = await compile();
  const typos = readdirSync(join(APP, 'typos')).filter((f) => f.endsWith('.ts'));
  expect(typos.length).toBeGreaterThanOrEqual(4);
  for (const f of typos)
    expect(tscOutput, `typos/${f} must fail tsc`).toMatch(new RegExp(`typos/${f.replace('.', '\\.')}\\(\\d+,\\d+\\): error TS`));
  expect(tscOutput).not.toMatch(/Cannot find module/);
}, 120_000);

/** Every file of the unpacked package, relative to its root (node_modules excluded). */
function packedFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.name === 'node_modules') return [];
    return e.isDirectory() ? packedFiles(root, p) : [p];
  });
}

it('npm pack ships lib (ESM + types), bin, dist and docs, no sources or tools, and the packed command synthesizes', async () => {
  const pkg = join(dir, 'node_modules/kubeflow-cdk8s');
  const files = packedFiles(pkg);
  for (const f of [
    'lib/src/index.js',
    'lib/src/index.d.ts',
    'lib/src/cli/run.js',
    'bin/kubeflow-cdk8s.mjs',
    'dist/helm/kubeflow/Chart.yaml',
    'dist/platform/helmfile.yaml',
    'scripts/setup-tools.mjs',
    'README.md',
    'package.json',
  ])
    expect(files, f).toContain(f);
  expect(files.filter((f) => /^(src|test|\.tools)\//.test(f))).toEqual([]);
  const out = join(dir, 'cli-out');
  const r = await exec(
    process.execPath,
    [join(pkg, 'bin', 'kubeflow-cdk8s.mjs'), 'synth', '-q', '-f', join(ROOT, 'examples', 'platform.yaml'), '-o', out],
    { cwd: dir },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(readdirSync(join(out, 'helm'))).toContain('kubeflow');
  expect(readdirSync(join(out, 'platform'))).toContain('helmfile.yaml');
}, 120_000);

it('the packed library synthesizes a platform from plain JavaScript', async () => {
  const api = await import(pathToFileURL(join(dir, 'node_modules/kubeflow-cdk8s/lib/src/index.js')).href);
  const { App, Chart } = await import('cdk8s');
  const app = new App({ outdir: join(dir, 'js-out') });
  const chart = new Chart(app, 'platform', { disableResourceNameHashes: true });
  new api.KubeflowPlatform(chart, 'kubeflow', { preset: 'notebooks', global: { imageRegistry: 'registry.internal' } });
  const objs = parseObjects(app.synthYaml());
  expect(objs.some((o) => o.kind === 'Deployment' && o.metadata.name === 'centraldashboard')).toBe(true);
  expect(objs.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.metadata.name)).toContain('notebooks.kubeflow.org');
  for (const o of objs) for (const c of o.spec?.template?.spec?.containers ?? []) expect(c.image).toMatch(/^registry\.internal\//);
}, 120_000);
