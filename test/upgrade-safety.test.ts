import { describe, expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { synthConcrete } from '../src/core/synth.js';
import { canonical, type K8sObject } from './support/objects.js';

/**
 * `helm upgrade` (and `kubectl apply`) cannot change a workload's selector: it would fail or force a
 * delete. So a workload's selector and pod template labels must not depend on values: switching
 * presets, or any value these tests set, keeps them. (Upstream's standalone overlays move objects to
 * another namespace; those are new objects, compared by kind and name only.)
 */
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const selectors = (objs: K8sObject[]) =>
  new Map(objs.filter((o) => WORKLOADS.has(o.kind)).map((o) => [`${o.kind}/${o.metadata.name}`, canonical(o.spec.selector)]));

describe.each(components.filter((c) => Object.keys(c.info.presets ?? {}).length).map((c) => ({ name: c.info.name, c })))(
  '$name',
  ({ c }) => {
    it('keeps workload selectors across presets', () => {
      const base = selectors(synthConcrete(c).map((o) => o.json));
      for (const p of Object.keys(c.info.presets!)) {
        const other = selectors(synthConcrete(c, { preset: p }).map((o) => o.json));
        for (const [k, sel] of other) if (base.has(k)) expect(sel, `${k} selector changes with preset ${p}`).toBe(base.get(k));
      }
    });
  },
);

it('no workload selector matches Helm bookkeeping labels', () => {
  for (const c of components) {
    for (const o of synthConcrete(c)
      .map((x) => x.json as K8sObject)
      .filter((x) => WORKLOADS.has(x.kind))) {
      const sel = JSON.stringify(o.spec.selector ?? {});
      expect(sel).not.toMatch(/helm\.sh\/chart|app\.kubernetes\.io\/managed-by|app\.kubernetes\.io\/instance/);
    }
  }
});
