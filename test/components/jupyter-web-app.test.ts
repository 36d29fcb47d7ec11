import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { jupyterWebApp } from '../../src/components/jupyter-web-app/index.js';
import { writeTree } from '../../src/core/files.js';
import { synthComponent, synthConcrete } from '../../src/core/synth.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { hasReference, loadReference } from '../support/render.js';
import { exec, helmTemplate, tools } from '../support/tools.js';

/** The spawner form is typed chart values: what a values file sets shows up in the rendered spawner_ui_config.yaml. */
const dir = mkdtempSync(join(tmpdir(), 'kf-jwa-'));
const chart = join(dir, 'chart');
const valuesFile = (name: string, values: unknown) => {
  const f = join(dir, `${name}.yaml`);
  writeFileSync(f, stringify(values));
  return f;
};

const custom = {
  spawnerFormDefaults: {
    image: {
      value: 'registry.example.com/ml/jupyter-scipy:2026.1',
      options: ['registry.example.com/ml/jupyter-scipy:2026.1', 'registry.example.com/ml/jupyter-pytorch-cuda:2026.1'],
      readOnly: true,
    },
    cpu: { value: '2', limitFactor: 'none' },
    memory: { value: '8Gi', limitFactor: '1.5' },
    gpus: { value: { vendor: 'nvidia.com/gpu', num: '1' } },
    workspaceVolume: { value: null },
    configurations: { value: ['access-ml-pipeline'] },
  },
};

const configMap = (objs: K8sObject[]) => {
  const cm = objs.find((o) => o.kind === 'ConfigMap' && /^jupyter-web-app-config-[a-z0-9]{10}$/.test(o.metadata.name));
  if (!cm) throw new Error('no jupyter-web-app-config ConfigMap');
  return cm;
};
const form = (cm: K8sObject) => parse(cm.data['spawner_ui_config.yaml']).spawnerFormDefaults;

describe('jupyter-web-app spawner config', () => {
  let rendered: K8sObject;
  beforeAll(async () => {
    writeTree(chart, synthComponent(jupyterWebApp).helm);
    rendered = configMap(parseObjects(await helmTemplate('helm3', chart, ['-f', valuesFile('custom', custom)])));
  });

  it('renders custom image lists and resource defaults from a values file (Helm 3)', () => {
    const f = form(rendered);
    expect(f.image).toEqual({ ...custom.spawnerFormDefaults.image });
    expect(f.cpu).toEqual({ readOnly: false, value: '2', limitFactor: 'none' });
    expect(f.memory).toEqual({ readOnly: false, value: '8Gi', limitFactor: '1.5' });
    expect(f.gpus.value.vendor).toBe('nvidia.com/gpu');
    expect(f.gpus.value.num).toBe('1');
    expect(f.gpus.value.vendors.map((x: { uiName: string }) => x.uiName)).toEqual(['NVIDIA', 'AMD', 'Intel Gaudi']);
    expect(f.workspaceVolume).toEqual({ readOnly: false, value: null });
    expect(f.configurations.value).toEqual(['access-ml-pipeline']);
    // untouched settings keep their defaults; readOnly of image groups is written only when set
    expect(f.imageGroupOne).toEqual({
      value: 'ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0',
      options: ['ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0'],
    });
    expect(f.shm).toEqual({ readOnly: false, value: true });
  });

  it('gives the same ConfigMap (data and hashed name) in concrete synthesis with the same values', () => {
    const concrete = configMap(synthConcrete(jupyterWebApp, { values: custom as never }).map((o) => o.json as K8sObject));
    expect(concrete.data).toEqual(rendered.data);
    expect(concrete.metadata.name).toBe(rendered.metadata.name);
  });

  it('points the Deployment at the renamed ConfigMap', async () => {
    const objs = parseObjects(await helmTemplate('helm3', chart, ['-f', valuesFile('custom2', custom)]));
    const dep = objs.find((o) => o.kind === 'Deployment')!;
    const vol = dep.spec.template.spec.volumes.find((x: { name: string }) => x.name === 'config-volume');
    expect(vol.configMap.name).toBe(rendered.metadata.name);
  });

  it.skipIf(!hasReference('jupyter-web-app'))(
    "with default values, parses to exactly upstream 26.03's spawner config (only the text differs: declared deviation)",
    () => {
      const ours = configMap(synthConcrete(jupyterWebApp).map((o) => o.json as K8sObject));
      const upstream = configMap(loadReference('jupyter-web-app'));
      expect(parse(ours.data['spawner_ui_config.yaml'])).toEqual(parse(upstream.data['spawner_ui_config.yaml']));
    },
  );

  it.each([
    [
      'a number instead of an image string',
      { spawnerFormDefaults: { image: { options: ['ghcr.io/x/y:1', 42] } } },
      /spawnerFormDefaults[./]image[./]options[./]1/,
    ],
    [
      'an object instead of an image string',
      { spawnerFormDefaults: { imageGroupOne: { value: { repository: 'x' } } } },
      /spawnerFormDefaults[./]imageGroupOne[./]value/,
    ],
    ['a misspelt key', { spawnerFormDefaults: { cpu: { limitFactr: '2' } } }, /limitFactr/],
    ['a value outside the enum', { spawnerFormDefaults: { gpus: { value: { num: '3' } } } }, /spawnerFormDefaults[./]gpus[./]value[./]num/],
  ])('helm template rejects %s, naming its path', async (_what, values, path) => {
    const f = valuesFile(`bad-${Math.random().toString(36).slice(2)}`, values);
    for (const helm of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[helm], ['template', 'x', chart, '-f', f]);
      expect(r.code, `${helm} accepted ${JSON.stringify(values)}`).not.toBe(0);
      expect(r.stderr).toMatch(path);
    }
  });
});
