import { parseArgs } from 'node:util';
import { runCheck } from './check.js';
import { runDiff } from './diff.js';
import { EXIT, UsageError } from './errors.js';
import { measurePlan, planFor, planTable } from './plan.js';
import { synthTree, writeOutput } from './synth.js';
import { readValuesFiles } from './values-files.js';
import { DEFAULT_SOURCE } from '../platform/gitops.js';
import type { PlatformValues } from '../platform/definition.js';

const HELP: Record<string, string> = {
  '': `kubeflow-cdk8s: Kubeflow as Helm charts, Kustomize bases and an install plan, from one values file.

Usage: kubeflow-cdk8s <command> [options]      (kubeflow-cdk8s <command> --help for each)

Commands:
  synth   charts, Kustomize and the install plan for a values file
  plan    the releases of the install plan, in order, with their stored sizes
  check   Helm 3 = Helm 4 = kustomize, schemas, Pod Security and release sizes of a synthesized output
  diff    what adopting an existing Kustomize install with Helm would change

Exit codes: 0 success; 1 check or diff found problems or differences; 2 bad arguments, files or values
(nothing done); 3 diff: only declared deviations differ; 4 a tool (helm, kubectl) is missing or failed.`,
  synth: `Usage: kubeflow-cdk8s synth -f platform.yaml [-f more.yaml …] [-o out] [--preset NAME] [--component NAME]
                            [--repo-url URL] [--revision REF] [--dist-path PATH]

Writes out/helm (every chart, with these values as defaults), out/kustomize (bases with the values applied,
presets as overlays, example/), out/platform (install plan: helmfile.yaml, argocd/, flux/, README.md).
Values files use the kubeflow umbrella chart's form (global:, <component>: {enabled, …}), merged left to right
as Helm merges -f files; with --component, the component's own values. --repo-url, --revision and --dist-path
say where Argo CD and Flux find out/ (default ${DEFAULT_SOURCE.repoURL}, ${DEFAULT_SOURCE.revision}, ${DEFAULT_SOURCE.distPath}).
Only out/helm, out/kustomize and out/platform are replaced.`,
  plan: `Usage: kubeflow-cdk8s plan -f platform.yaml [-f more.yaml …] [--preset NAME] [--charts DIR]

Lists the releases of the install plan in order with what each needs and its size as Helm stores it (Helm 4
client-side dry run). Upstream charts (cert-manager, Istio…) come from DIR (<name>-<version>.tgz) when given,
otherwise from \`helm dependency build\` (network).`,
  check: `Usage: kubeflow-cdk8s check [DIR] [--charts DIR]

Runs the verification suite on a synthesized output (default: dist): every chart and preset renders the same
objects with Helm 3, Helm 4 and kustomize, every object validates against its schema, every workload meets
Pod Security "restricted" unless its component declares why not, and every chart's release stays under 800 KiB.`,
  diff: `Usage: kubeflow-cdk8s diff --from FILE|DIR [-f platform.yaml …] [--preset NAME] [--component NAME]

Compares an existing install's objects (\`kustomize build\` output, or a folder of YAML files) with what the
charts render for these values, object by object, then prints the kubectl commands that let Helm adopt them.
Exit 0: nothing would change (zero-diff adoption); 3: only declared deviations differ; 1: other differences.`,
};

const OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  out: { type: 'string', short: 'o' },
  preset: { type: 'string' },
  component: { type: 'string', short: 'c' },
  from: { type: 'string' },
  charts: { type: 'string' },
  'repo-url': { type: 'string' },
  revision: { type: 'string' },
  'dist-path': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

/** Runs one command line; returns the exit code (never calls process.exit, so tests can run it in process). */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command = '', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || command === '') {
    io.out(HELP['']!);
    return command === '' ? EXIT.usage : EXIT.ok;
  }
  if (!(command in HELP)) {
    io.err(`kubeflow-cdk8s: unknown command '${command}'\n\n${HELP['']}`);
    return EXIT.usage;
  }
  try {
    const { values: opt, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: command === 'check' });
    if (opt.help) {
      io.out(HELP[command]!);
      return EXIT.ok;
    }
    const progress = opt.quiet ? undefined : (l: string) => io.err(`… ${l}`);
    const values = readValuesFiles(opt.file ?? []);
    switch (command) {
      case 'synth': {
        const out = opt.out ?? 'out';
        const source = {
          repoURL: opt['repo-url'] ?? DEFAULT_SOURCE.repoURL,
          revision: opt.revision ?? DEFAULT_SOURCE.revision,
          distPath: opt['dist-path'] ?? DEFAULT_SOURCE.distPath,
        };
        const t0 = performance.now();
        const tree = synthTree({ values, preset: opt.preset, component: opt.component, source, progress });
        writeOutput(out, tree);
        io.out(`wrote ${tree.size} files into ${out} in ${Math.round(performance.now() - t0)} ms`);
        return EXIT.ok;
      }
      case 'plan': {
        if (opt.component) throw new UsageError('plan is for a platform: leave out --component');
        planFor(values as PlatformValues, opt.preset); // name and dependency errors before any tool runs
        const rows = await measurePlan(values as PlatformValues, { preset: opt.preset, charts: opt.charts, progress });
        for (const l of planTable(rows)) io.out(l);
        return EXIT.ok;
      }
      case 'check': {
        const dir = positionals[0] ?? 'dist';
        const r = await runCheck(dir, { charts: opt.charts, progress });
        if (!r.checked) throw new UsageError(`${dir}: no charts under ${dir}/helm (synthesize first: kubeflow-cdk8s synth -o ${dir})`);
        for (const f of r.findings) io.out(`FAIL ${f}`);
        io.out(`${r.checked} charts and presets checked: ${r.findings.length ? `${r.findings.length} problems` : 'all pass'}`);
        return r.findings.length ? EXIT.findings : EXIT.ok;
      }
      case 'diff': {
        if (!opt.from) throw new UsageError('diff needs --from FILE|DIR (the existing install, e.g. `kustomize build` output)');
        const r = runDiff({ from: opt.from, values, preset: opt.preset, component: opt.component });
        for (const l of r.report) io.out(l);
        return r.exitCode;
      }
    }
    return EXIT.usage;
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`kubeflow-cdk8s ${command}: ${err.message}\n(kubeflow-cdk8s ${command} --help)`);
      return EXIT.usage;
    }
    if (/not found at .*npm install|failed \(\d+\)/.test(err.message)) {
      io.err(`kubeflow-cdk8s ${command}: ${err.message}`);
      return EXIT.tool;
    }
    throw e;
  }
}
