import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { components } from '../components/index.js';
import { compareSets } from '../verify/compare.js';
import { normalizeHelm, parseObjects, type K8sObject } from '../verify/objects.js';
import { restrictedViolations } from '../verify/security.js';
import { crdValidators, validatorFor } from '../verify/validate.js';
import { exec, tools } from '../verify/tools.js';
import { dryRunRelease } from '../verify/release.js';
import { offlineChart } from './offline-charts.js';

/** Helm keeps a release in one Secret of at most 1 MiB; we keep each under 800 KiB. */
export const RELEASE_LIMIT = 800 * 1024;

export interface CheckOptions {
  /** Folder of `<name>-<version>.tgz` upstream chart packages (offline); otherwise `helm dependency build`. */
  readonly charts?: string;
  readonly progress?: (line: string) => void;
}
export interface CheckResult {
  readonly findings: string[];
  readonly checked: number;
}

interface Target {
  label: string;
  chart: string;
  valuesFile?: string;
  kustomize?: string;
  component?: string;
}

/** Every chart of a synthesized output, with each preset, paired with its Kustomize form where there is one. */
export function targetsOf(dir: string): Target[] {
  const helm = join(dir, 'helm');
  if (!existsSync(helm)) return [];
  return readdirSync(helm)
    .sort()
    .flatMap((name) => {
      const chart = join(helm, name);
      const kbase = name === 'kubeflow' ? join(dir, 'kustomize', 'example') : join(dir, 'kustomize', name, 'base');
      const presets = existsSync(join(chart, 'presets')) ? readdirSync(join(chart, 'presets')).map((f) => f.replace(/\.yaml$/, '')) : [];
      const overlay = (p: string) =>
        name === 'kubeflow' ? join(dir, 'kustomize', 'example', 'overlays', p) : join(dir, 'kustomize', name, 'overlays', p);
      return [
        { label: name, chart, kustomize: existsSync(kbase) ? kbase : undefined, component: name },
        ...presets.map((p) => ({
          label: `${name}:${p}`,
          chart,
          valuesFile: join(chart, 'presets', `${p}.yaml`),
          kustomize: existsSync(overlay(p)) ? overlay(p) : undefined,
          component: name,
        })),
      ];
    });
}

/**
 * The verification suite on a synthesized output (`kubeflow-cdk8s synth -o DIR`): Helm 3 ≡ Helm 4
 * ≡ kustomize, schema validity, Pod Security "restricted" (except declared workloads), and the
 * stored release size of each chart.
 */
export async function runCheck(dir: string, o: CheckOptions = {}): Promise<CheckResult> {
  const findings: string[] = [];
  const targets = targetsOf(dir);
  const rendered = new Map<string, K8sObject[]>();
  for (const t of targets) {
    o.progress?.(`checking ${t.label}`);
    const chart = await offlineChart(t.chart, o.charts);
    const args = ['template', 'kubeflow', chart, ...(t.valuesFile ? ['-f', t.valuesFile] : [])];
    const [h3, h4] = await Promise.all([exec(tools.helm3, args), exec(tools.helm4, args)]);
    if (h3.code || h4.code) {
      findings.push(`${t.label}: helm template fails:\n${(h3.stderr || h4.stderr).trim()}`);
      continue;
    }
    const helm3 = parseObjects(h3.stdout).map(normalizeHelm);
    rendered.set(t.label, helm3);
    findings.push(...compareSets(helm3, parseObjects(h4.stdout).map(normalizeHelm), ['helm3', 'helm4']).map((d) => `${t.label}: ${d}`));
    if (t.kustomize) {
      const k = await exec(tools.kubectl, ['kustomize', t.kustomize]);
      if (k.code) findings.push(`${t.label}: kustomize build fails:\n${k.stderr.trim()}`);
      else findings.push(...compareSets(helm3, parseObjects(k.stdout), ['helm3', 'kustomize']).map((d) => `${t.label}: ${d}`));
    }
    if (!t.valuesFile) findings.push(...(await releaseSize(t.label, chart)));
  }
  const crds = crdValidators([...rendered.values()].flat());
  for (const [label, objs] of rendered) {
    const info = components.find((c) => c.info.name === label.split(':')[0])?.info;
    const exceptions = new Set((info?.securityExceptions ?? []).map((e) => e.workload));
    for (const x of objs) {
      const validate = crds.get(`${x.apiVersion}/${x.kind}`) ?? (await validatorFor(x.apiVersion, x.kind));
      if (!validate) findings.push(`${label}: ${x.kind}/${x.metadata?.name}: no schema for ${x.apiVersion}/${x.kind}`);
      else
        try {
          validate(x);
        } catch (e) {
          findings.push(`${label}: ${x.kind}/${x.metadata?.name}: ${(e as Error).message.slice(0, 300)}`);
        }
      const pss = restrictedViolations(x);
      if (pss?.length && !exceptions.has(`${x.kind}/${x.metadata.name}`))
        findings.push(`${label}: ${x.kind}/${x.metadata.name} is not Pod Security "restricted": ${pss.join('; ')}`);
    }
  }
  return { findings, checked: targets.length };
}

async function releaseSize(label: string, chart: string): Promise<string[]> {
  let size: number;
  try {
    size = (await dryRunRelease('kubeflow', chart)).storedBytes;
  } catch (e) {
    return [`${label}: helm install --dry-run fails:\n${(e as Error).message.trim()}`];
  }
  return size < RELEASE_LIMIT
    ? []
    : [`${label}: the release is ${(size / 1024).toFixed(0)} KiB when stored, over ${RELEASE_LIMIT / 1024} KiB`];
}
