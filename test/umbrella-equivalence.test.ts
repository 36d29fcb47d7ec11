import { describe, expect, it } from 'vitest';
import { compareSets, renderAll } from './support/render.js';
import { platformTargets } from './support/targets.js';

/** The umbrella chart and each platform preset: Helm 3, Helm 4 and kustomize give the same objects (its own file: the longest renders of the suite, run beside the other files). */
describe.each(platformTargets)('$label', ({ preset }) => {
  it('renders the same objects with Helm 3, Helm 4 and kustomize', async () => {
    const r = await renderAll('kubeflow', preset);
    expect(r.kustomize.length).toBeGreaterThan(0);
    expect(compareSets(r.helm3, r.kustomize, ['helm3', 'kustomize']).join('\n')).toBe('');
    expect(compareSets(r.helm4, r.kustomize, ['helm4', 'kustomize']).join('\n')).toBe('');
  });
});
