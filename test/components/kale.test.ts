import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components } from '../../src/components/index.js';
import { kale } from '../../src/components/kale/index.js';
import { upstreamOf } from '../../src/core/component.js';
import { synthConcrete } from '../../src/core/synth.js';
import { unmetDependencies } from '../../src/umbrella/dependencies.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets, DIST } from '../support/render.js';
import { helmTemplate } from '../support/tools.js';

const values = {
  profiles: [{ name: 'team-a' }, { name: 'team-b' }],
  pipelinesEndpoint: 'http://ml-pipeline.kubeflow:8888',
  token: { expirationSeconds: 3600 },
};

describe('kale', () => {
  it('gives notebooks in every listed profile a Pipelines token and the KFP client environment, in both outputs', async () => {
    const concrete = synthConcrete(kale, { values }).map((o) => o.json as K8sObject);
    expect(concrete.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'PodDefault/team-a/kale-pipelines-access',
      'PodDefault/team-b/kale-pipelines-access',
    ]);
    const spec = concrete[0]!.spec;
    expect(spec.selector.matchLabels).toEqual({ 'kale-pipelines-access': 'true' });
    expect(spec.volumes[0].projected.sources[0].serviceAccountToken).toEqual({
      path: 'token',
      audience: 'pipelines.kubeflow.org',
      expirationSeconds: 3600,
    });
    expect(spec.volumeMounts[0]).toEqual({ name: spec.volumes[0].name, mountPath: '/var/run/secrets/kubeflow/pipelines', readOnly: true });
    expect(spec.env).toEqual([
      { name: 'KF_PIPELINES_SA_TOKEN_PATH', value: '/var/run/secrets/kubeflow/pipelines/token' },
      { name: 'KF_PIPELINES_ENDPOINT', value: 'http://ml-pipeline.kubeflow:8888' },
    ]);
    const f = join(mkdtempSync(join(tmpdir(), 'kf-kale-')), 'values.json');
    writeFileSync(f, JSON.stringify(values));
    const helm = parseObjects(await helmTemplate('helm3', join(DIST, 'helm/kale'), ['-f', f]));
    expect(compareSets(concrete, helm, ['concrete', 'helm3']).join('\n')).toBe('');
  });

  it('claims nothing upstream: Chart.yaml, values.yaml and README name its own sources and no kubeflow/manifests render', () => {
    expect(upstreamOf(kale.info)).toBeNull();
    const chart = readFileSync(join(DIST, 'helm/kale/Chart.yaml'), 'utf8');
    expect(chart).toMatch(/^home: https:\/\/github.com\/kubeflow\/kale$/m);
    expect(chart).not.toMatch(/kubeflow\/manifests/);
    const readme = readFileSync(join(DIST, 'helm/kale/README.md'), 'utf8');
    expect(readme).toMatch(/Not an entry of kubeflow\/manifests/);
    expect(readme).not.toMatch(/upstream render|upstream Kustomize install|Taking over a Kustomize install|Deviations from upstream/);
    expect(readFileSync(join(DIST, 'helm/kale/values.yaml'), 'utf8').split('\n')[0]).toMatch(/not an entry of kubeflow\/manifests/);
    // every requirement is a registered component now: listed plainly, none sent to kubeflow/manifests
    expect(readme).toMatch(/^Requires: `jupyter-web-app`, `notebook-controller`, `admission-webhook`, `pipelines`\.$/m);
    expect(readme).not.toMatch(/not part of kubeflow-cdk8s yet/);
  });

  it('requires the notebook components and pipelines (registered), and nothing more', () => {
    const on = (off: string[]) => (n: string) => !off.includes(n);
    expect(components.some((c) => c.info.name === 'pipelines')).toBe(true);
    for (const dep of ['notebook-controller', 'pipelines']) {
      expect(unmetDependencies(components, on([dep])).filter((m) => m.startsWith('kale '))).toEqual([
        `kale requires ${dep}, which is disabled: enable ${dep} or disable kale`,
      ]);
    }
    expect(unmetDependencies(components, on([])).filter((m) => m.startsWith('kale '))).toEqual([]);
    // with kale off, switching pipelines off is no concern of kale's
    expect(unmetDependencies(components, on(['kale', 'pipelines'])).filter((m) => m.startsWith('kale '))).toEqual([]);
  });
});
