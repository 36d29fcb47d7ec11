import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { planViolations, type RenderedRelease } from '../src/platform/rules.js';
import { dryRun, fixturesFor, planDirs, readHelmfile, renderRelease, storedSize, type PlannedRelease } from './support/plan.js';
import { validatorFor } from './support/validate.js';

/**
 * The install plans (dist/platform and one per platform preset), checked over the generated files:
 * rendered release by release with Helm, in order, they satisfy the blank-cluster rules, every
 * release stays under 800 KiB stored, and the GitOps outputs validate and name the same releases.
 */
const LIMIT = 800 * 1024;
const sizeRows: string[] = [];

describe.each(planDirs())('$label', ({ label, dir }) => {
  const releases = readHelmfile(dir);
  const offline = releases.every((r) => fixturesFor(r.chart));

  it.skipIf(!offline)('walked in order, every CRD, namespace and webhook comes before what needs it', async () => {
    const rendered: RenderedRelease[] = [];
    for (const r of releases) rendered.push(await renderRelease(r));
    expect(planViolations(rendered)).toEqual([]);
    // needs name only releases that come earlier
    const seen = new Set<string>();
    for (const r of releases) {
      for (const n of r.needs) expect(seen.has(n.split('/')[1]!), `${r.name} needs ${n}`).toBe(true);
      seen.add(r.name);
    }
  });

  it.skipIf(!offline)('every release stays under 800 KiB when Helm stores it', async () => {
    for (const r of releases) {
      const size = await storedSize(r);
      sizeRows.push(`| ${label} | ${r.name} | ${(size / 1024).toFixed(1)} |`);
      expect(size, r.name).toBeLessThan(LIMIT);
    }
  });

  it('Argo CD applications validate and follow the plan order in sync waves', async () => {
    const apps = readdirSync(join(dir, 'argocd', 'applications'))
      .sort()
      .map((f) => parseYaml(readFileSync(join(dir, 'argocd', 'applications', f), 'utf8')) as Record<string, any>);
    const root = parseYaml(readFileSync(join(dir, 'argocd', 'kubeflow-platform.yaml'), 'utf8')) as Record<string, any>;
    const validate = (await validatorFor('argoproj.io/v1alpha1', 'Application'))!;
    for (const a of [root, ...apps]) validate(a as never);
    expect(apps.map((a) => a.spec.source.helm.releaseName)).toEqual(releases.map((r) => r.name));
    expect(apps.map((a) => Number(a.metadata.annotations['argocd.argoproj.io/sync-wave']))).toEqual(releases.map((_, i) => i));
    for (const a of apps.filter((x) => x.spec.source.path.includes('kubeflow-crds')))
      expect(a.spec.syncPolicy.syncOptions).toContain('ServerSideApply=true');
  });

  it('Flux objects validate; each HelmRelease dependsOn what the plan needs', async () => {
    const docs = parseAllDocuments(readFileSync(join(dir, 'flux', 'kubeflow-platform.yaml'), 'utf8')).map(
      (d) => d.toJS() as Record<string, any>,
    );
    for (const d of docs) {
      const validate = await validatorFor(d.apiVersion, d.kind);
      expect(validate, `${d.apiVersion}/${d.kind}`).toBeDefined();
      validate!(d as never);
    }
    const hr = docs.filter((d) => d.kind === 'HelmRelease');
    expect(hr.map((d) => d.spec.releaseName)).toEqual(releases.map((r) => r.name));
    for (const [i, d] of hr.entries()) {
      expect((d.spec.dependsOn ?? []).map((x: { name: string }) => x.name).sort()).toEqual(
        releases[i]!.needs.map((n) => n.split('/')[1]).sort(),
      );
    }
  });

  it('helmfile.yaml names every release with its chart and values', () => {
    const doc = parseYaml(readFileSync(join(dir, 'helmfile.yaml'), 'utf8')) as { releases: unknown[] };
    expect(doc.releases.length).toBe(releases.length);
    for (const r of releases as PlannedRelease[]) expect(readFileSync(join(r.chart, 'Chart.yaml'), 'utf8')).toContain('apiVersion: v2');
  });

  if (!offline) it.skip(`${label}: upstream chart packages (../shared/charts) not present: render and size checks skipped`, () => {});
});

afterAll(() => {
  if (sizeRows.length)
    console.log(
      [
        'install plan releases, stored size (Helm 4 release object, base64 of gzip)',
        '| plan | release | KiB |',
        '|---|---|---:|',
        ...sizeRows,
      ].join('\n'),
    );
});

it.skipIf(!readHelmfile(planDirs()[0]!.dir).every((r) => fixturesFor(r.chart)))(
  "the umbrella release and the plan's last release tell how to reach the dashboard and log in, and warn about example credentials",
  async () => {
    const releases = readHelmfile(planDirs()[0]!.dir);
    const notes = async (r: PlannedRelease) => (await dryRun(r)).notes;
    const umbrella = await notes(releases.find((r) => r.name === 'kubeflow')!);
    const last = await notes(releases[releases.length - 1]!);
    for (const n of [umbrella, last]) expect(n).toContain('kubectl port-forward -n istio-system svc/istio-ingressgateway 8080:80');
    expect(umbrella).toMatch(/WARNING: these credentials are still at their well-known example defaults[\s\S]*dex\./);
    expect(last).toContain('helm get notes kubeflow');
  },
);
