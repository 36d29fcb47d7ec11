import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { components } from '../../src/components/index.js';
import { EXTERNAL_PREREQUISITES, requiredNames, unmetDependencies } from '../../src/umbrella/dependencies.js';
import { KubeflowPlatform } from '../../src/umbrella/platform.js';
import { platformPresets } from '../../src/umbrella/presets.js';
import { parseObjects } from '../support/objects.js';

/** A set of components and, transitively, everything they require. */
function closure(names: string[]): Set<string> {
  const out = new Set(names);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of components.filter((x) => out.has(x.info.name))) {
      for (const r of requiredNames(c))
        if (!out.has(r) && !EXTERNAL_PREREQUISITES.includes(r)) {
          out.add(r);
          grew = true;
        }
    }
  }
  return out;
}

describe('the notebooks-trainer platform preset', () => {
  const preset = platformPresets['notebooks-trainer']!;
  const enabled = new Set(preset.enable);

  it('is the notebooks subset plus Trainer and Katib, with everything they need and nothing else', () => {
    const wanted = closure([...platformPresets.notebooks!.enable!, 'trainer', 'katib']);
    expect([...enabled].sort()).toEqual([...wanted].sort());
    expect(unmetDependencies(components, (n) => enabled.has(n))).toEqual([]);
  });

  it('a KubeflowPlatform with it runs Trainer, JobSet, the runtimes and Katib, and takes component values', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'kf-nt-')) });
    const chart = new Chart(app, 'platform', { disableResourceNameHashes: true });
    const resources = { limits: { cpu: '4', memory: '8Gi' } };
    new KubeflowPlatform(chart, 'kubeflow', {
      preset: 'notebooks-trainer',
      components: { katib: { values: { trialTemplates: { resources } } } },
    });
    const objs = parseObjects(app.synthYaml());
    const deployments = objs.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name);
    expect(deployments).toEqual(
      expect.arrayContaining([
        'kubeflow-trainer-controller-manager',
        'jobset-controller-manager',
        'katib-controller',
        'katib-ui',
        'notebook-controller-deployment',
      ]),
    );
    expect(objs.filter((o) => o.kind === 'ClusterTrainingRuntime')).toHaveLength(6);
    expect(objs.find((o) => o.metadata.name === 'trial-templates')!.data['defaultTrialTemplate.yaml']).toContain('"memory": "8Gi"');
    // nothing of the platform outside the story
    expect(objs.filter((o) => o.metadata.name === 'cluster-local-gateway')).toEqual([]);
  });
});
