import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthTree } from '../../src/cli/synth.js';
import { writeTree } from '../../src/core/files.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { helmComponent, renderAll, skipReason } from '../support/render.js';

/**
 * `global.imageRegistry` reaches the images of cert-manager's and the Spark operator's upstream charts
 * (their image repositories and registries are values of those charts): a platform definition carries
 * it into them in both outputs; a chart given only `global.imageRegistry` fails, naming the value to set.
 */
const REGISTRY = 'mirror.example:5000';
const dir = mkdtempSync(join(tmpdir(), 'kf-wrapped-images-'));

/** Container images, and images the controller is told to start (`--…-image=`). */
function images(objs: K8sObject[]): string[] {
  const pods = objs.filter((o) => ['Deployment', 'DaemonSet', 'Job'].includes(o.kind)).map((o) => o.spec.template.spec);
  const containers = pods.flatMap((p) => [...(p.initContainers ?? []), ...p.containers]);
  const flagged = containers.flatMap((c: { args?: string[] }) =>
    (c.args ?? []).filter((a) => /-image=/.test(a)).map((a) => a.split('=')[1]!),
  );
  return [...containers.map((c: { image: string }) => c.image), ...flagged];
}

const cases = [
  { name: 'cert-manager', expected: 4, hint: `set cert-manager.image.repository=${REGISTRY}/jetstack/cert-manager-controller` },
  { name: 'spark-operator', expected: 2, hint: `set spark-operator.image.registry=${REGISTRY}` },
] as const;

describe.each(cases)('global.imageRegistry and the $name chart', ({ name, expected, hint }) => {
  const skip = skipReason(name);

  it.skipIf(!!skip)(
    'a platform definition with global.imageRegistry gives images from that registry with Helm 3, Helm 4 and kustomize',
    async () => {
      const out = join(dir, name);
      writeTree(out, synthTree({ values: { global: { imageRegistry: REGISTRY } }, component: name }));
      for (const [tool, objs] of Object.entries(await renderAll(name, undefined, out))) {
        const all = images(objs);
        expect(all.length, tool).toBeGreaterThanOrEqual(expected);
        expect(
          all.filter((i) => !i.startsWith(`${REGISTRY}/`)),
          tool,
        ).toEqual([]);
      }
    },
  );

  it.skipIf(!!skip)('the chart given global.imageRegistry alone fails, naming the value to set', async () => {
    const f = join(dir, `${name}.json`);
    writeFileSync(f, JSON.stringify({ global: { imageRegistry: REGISTRY } }));
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await helmComponent(name, h, ['-f', f]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(hint);
      // and without it, nothing changes: the defaults still render upstream's images
      const plain = await helmComponent(name, h);
      expect(images(parseObjects(plain.stdout)).filter((i) => i.startsWith(`${REGISTRY}/`))).toEqual([]);
    }
  });
});
