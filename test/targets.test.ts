import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentByName, components } from '../src/components/index.js';
import { synthConcrete } from '../src/core/synth.js';
import { keyOf } from './support/objects.js';
import {
  compareSets,
  hasReference,
  loadReference,
  parity,
  parityInputs,
  partOf,
  renderAll,
  skipReason,
  wrapsCharts,
  type ParityRow,
  type Rendered,
} from './support/render.js';
import { restrictedViolations, wildcardRules } from './support/security.js';
import { targets } from './support/targets.js';
import { crdValidators, validatorFor } from './support/validate.js';

/**
 * The checks every component gets for free, per component and preset: Helm 3 ≡ Helm 4 ≡ kustomize,
 * schema validity, Pod Security "restricted", no new RBAC wildcards, parity with upstream 26.03.
 */
const PARITY_MIN = 0.98;
const CRD_COVERAGE_MIN = 0.9;
/**
 * Components wrapping upstream charts are measured without objects' own metadata.labels (the charts
 * label their objects their own way) against these shares, or their declared `parityMinimum`.
 * istio-install (measured together with istio-cni, a part of its upstream entry) reaches 85-87 % (issue 7
 * asks 80 %): the gateway and istiod's recorded values come from the published charts, not istioctl;
 * every differing object is declared (checked below).
 */
const parityRows: ParityRow[] = [];
const labelFreeRows: ParityRow[] = [];
/** Custom resources are checked against the CRD that defines them, whichever component ships it. */
const crdsOfPlatform = components.flatMap((c) => synthConcrete(c).map((o) => o.json)).filter((o) => o.kind === 'CustomResourceDefinition');

describe.each(targets)('$label', ({ name, preset, label }) => {
  const skip = skipReason(name);
  if (skip) {
    it.skip(skip, () => {});
    return;
  }
  let r: Rendered;
  const info = componentByName(name).info;
  beforeAll(async () => {
    r = await renderAll(name, preset);
  });

  it('renders the same objects with Helm 3, Helm 4 and kustomize', () => {
    expect(r.kustomize.length).toBeGreaterThan(0);
    expect(compareSets(r.helm3, r.kustomize, ['helm3', 'kustomize']).join('\n')).toBe('');
    expect(compareSets(r.helm4, r.kustomize, ['helm4', 'kustomize']).join('\n')).toBe('');
  });

  it('renders objects that validate against their schemas', async () => {
    const crs = crdValidators([...crdsOfPlatform, ...r.kustomize.filter((o) => o.kind === 'CustomResourceDefinition')]);
    const unknown: string[] = [];
    const errors: string[] = [];
    for (const o of r.kustomize) {
      const validate = crs.get(`${o.apiVersion}/${o.kind}`) ?? (await validatorFor(o.apiVersion, o.kind));
      if (!validate) {
        unknown.push(`${o.apiVersion}/${o.kind}`);
        continue;
      }
      try {
        validate(o);
      } catch (e) {
        errors.push(`${keyOf(o)}: ${(e as Error).message.slice(0, 300)}`);
      }
    }
    expect(errors.join('\n')).toBe('');
    expect(unknown, 'kinds without a schema to validate against').toEqual([]);
  });

  it('meets Pod Security "restricted" except for declared workloads', () => {
    const declared = new Set((info.securityExceptions ?? []).map((e) => e.workload));
    const found: string[] = [];
    for (const o of r.kustomize) {
      const v = restrictedViolations(o);
      const id = `${o.kind}/${o.metadata.name}`;
      if (v?.length && !declared.has(id)) found.push(`${id}: ${v.join('; ')}`);
    }
    expect(found.join('\n')).toBe('');
  });

  it('has wildcard RBAC rules only where declared, and (with the reference) only where upstream has them', () => {
    const ours = r.kustomize.flatMap(wildcardRules);
    const declared = new Set((info.rbacWildcards ?? []).map((d) => d.role));
    expect(
      ours.filter((w) => !declared.has(w.slice(0, w.indexOf(':')))),
      'undeclared wildcards',
    ).toEqual([]);
    if (hasReference(name, preset)) {
      const upstream = new Set(loadReference(name, preset).flatMap(wildcardRules));
      expect(
        ours.filter((w) => !upstream.has(w)),
        'wildcards upstream does not have',
      ).toEqual([]);
    }
  });

  // a component may have no platform render upstream (Model Registry is not in the example): its defaults have nothing to match;
  // one whose objects upstream renders inside another entry (istio-cni in istio-install) is measured with that entry
  const whole = partOf(name);
  const parityTitle = hasReference(name, preset)
    ? `matches upstream 26.03 (≥ ${PARITY_MIN * 100} % of non-CRD objects identical)`
    : whole
      ? `matches upstream 26.03: measured with ${whole}, whose upstream entry holds these objects`
      : `matches upstream 26.03: skipped, the reference has no ${preset ? `variants/${name}--${preset}.yaml` : `platform/${name}.yaml`}`;
  it.skipIf(!hasReference(name, preset))(parityTitle, async () => {
    // the component with the components that are parts of its upstream entry (istio-install with istio-cni)
    const { objects, declared } = await parityInputs(name, preset, r);
    // a declared deviation counts only when the object's documents are semantically identical
    const row = parity(label, objects, loadReference(name, preset), declared);
    parityRows.push(row);
    if (wrapsCharts(name)) {
      const free = parity(label, objects, loadReference(name, preset), declared, { ignoreOwnLabels: true });
      labelFreeRows.push(free);
      const share = free.nonCrdTotal ? (free.nonCrdIdentical + free.nonCrdEquivalent) / free.nonCrdTotal : 1;
      const report = [...free.missing.map((m) => `missing ${m}`), ...free.extra.map((m) => `extra ${m}`), ...free.differing].join('\n');
      expect(share, report).toBeGreaterThanOrEqual(info.parityMinimum?.share ?? PARITY_MIN);
      // every object that still differs is declared
      const undeclared = [...free.missing, ...free.differing]
        .map((d) => d.split('\n')[0]!)
        .filter((k) => {
          const [kind, , n] = k.split('/');
          return !declared.includes(`${kind}/${n}`);
        });
      expect(undeclared, 'differing objects not declared in info.deviations').toEqual([]);
      if (free.crdCoverage !== undefined) expect(free.crdCoverage, free.crdDetails.join('\n')).toBeGreaterThanOrEqual(CRD_COVERAGE_MIN);
      return;
    }
    const share = row.nonCrdTotal ? (row.nonCrdIdentical + row.nonCrdEquivalent) / row.nonCrdTotal : 1;
    const report = [...row.missing.map((m) => `missing ${m}`), ...row.extra.map((m) => `extra ${m}`), ...row.differing].join('\n');
    expect(share, report).toBeGreaterThanOrEqual(info.parityMinimum?.share ?? PARITY_MIN);
    if (info.parityMinimum) {
      // a lowered floor holds only when every object that differs is declared
      const undeclared = row.differing
        .map((d) => d.split('\n')[0]!)
        .filter((k) => !declared.includes(`${k.split('/')[0]}/${k.split('/').pop()}`));
      expect([...undeclared, ...row.missing, ...row.extra], 'differing objects not declared in info.deviations').toEqual([]);
    }
    if (row.crdCoverage !== undefined) expect(row.crdCoverage, row.crdDetails.join('\n')).toBeGreaterThanOrEqual(CRD_COVERAGE_MIN);
  });
});

afterAll(() => {
  if (!parityRows.length) {
    console.log('parity with ../shared/reference/kubeflow-26.03: skipped (reference not present)');
    return;
  }
  const lines = (rows: ParityRow[]) =>
    rows.map(
      (r) =>
        `| ${r.target} | ${r.nonCrdIdentical}/${r.nonCrdTotal} | ${r.nonCrdEquivalent || '–'} | ${r.crdCoverage === undefined ? '–' : `${(100 * r.crdCoverage).toFixed(1)} %`} | ${r.missing.length + r.differing.length} |`,
    );
  const head = [
    '| target | non-CRD identical | + same documents (declared) | CRD path coverage | differing/missing |',
    '|---|---|---|---|---|',
  ];
  console.log(['parity with upstream 26.03', ...head, ...lines(parityRows)].join('\n'));
  if (labelFreeRows.length)
    console.log(
      [
        "parity with upstream 26.03 ignoring objects' own metadata.labels (components wrapping upstream charts)",
        ...head,
        ...lines(labelFreeRows),
      ].join('\n'),
    );
});
