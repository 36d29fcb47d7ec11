import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { volumesWebApp } from '../../src/components/volumes-web-app/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import type { K8sObject } from '../support/objects.js';
import { hasReference, loadReference } from '../support/render.js';

/** viewer-spec.yaml is built from the typed `viewer.*` values. */
const objects = (values?: unknown) =>
  synthConcrete(volumesWebApp, values ? { values: values as never } : {}).map((o) => o.json as K8sObject);
const viewerSpec = (objs: K8sObject[]) =>
  objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('volumes-web-app-viewer-spec-'))!;
const spec = (objs: K8sObject[]) => parse(viewerSpec(objs).data['viewer-spec.yaml']);

describe('volumes-web-app viewer spec', () => {
  it.skipIf(!hasReference('volumes-web-app'))(
    "with default values, parses to exactly upstream 26.03's viewer spec (only the text differs: declared deviation)",
    () => {
      expect(spec(objects())).toEqual(parse(viewerSpec(loadReference('volumes-web-app')).data['viewer-spec.yaml']));
    },
  );

  it('follows the values: viewer image (env), networking, scheduling; the Deployment mounts the renamed ConfigMap', () => {
    const objs = objects({
      global: { imageRegistry: 'mirror.example.com' },
      viewer: { networking: { targetPort: 9090, timeout: '2m' }, rwoScheduling: false },
    });
    const s = spec(objs);
    expect(s.networking).toEqual({ targetPort: 9090, basePrefix: '/pvcviewers', rewrite: '/', timeout: '2m' });
    expect(s.rwoScheduling).toBe(false);
    const dep = objs.find((o) => o.kind === 'Deployment')!;
    const c = dep.spec.template.spec.containers[0];
    expect(c.env.find((e: { name: string }) => e.name === 'VOLUME_VIEWER_IMAGE').value).toBe(
      'mirror.example.com/filebrowser/filebrowser:v2.25.0',
    );
    expect(dep.spec.template.spec.volumes[0].configMap.name).toBe(viewerSpec(objs).metadata.name);
    expect(viewerSpec(objs).metadata.name).not.toBe(viewerSpec(objects()).metadata.name);
  });
});
