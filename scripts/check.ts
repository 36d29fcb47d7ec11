// Developer tool: `npx tsx scripts/check.ts <component> [preset]` renders dist/ with Helm 3, Helm 4
// and kustomize, checks they agree, and compares with ../shared/reference when it is there: strictly,
// and (for components wrapping upstream charts, or with --ignore-own-labels) without objects' own metadata.labels.
import {
  compareSets,
  hasReference,
  loadReference,
  parity,
  parityInputs,
  renderAll,
  skipReason,
  wrapsCharts,
  type ParityRow,
} from '../test/support/render.js';

const args = process.argv.slice(2);
const [name, preset] = args.filter((a) => !a.startsWith('--'));
if (!name) throw new Error('usage: scripts/check.ts <component> [preset] [--ignore-own-labels]');
const skip = skipReason(name);
if (skip) {
  console.log(skip);
  process.exit(0);
}
const r = await renderAll(name, preset);
const eq = [...compareSets(r.helm3, r.kustomize, ['helm3', 'kustomize']), ...compareSets(r.helm3, r.helm4, ['helm3', 'helm4'])];
console.log(eq.length ? `EQUIVALENCE FAILS:\n${eq.join('\n')}` : `equivalence: helm3 = helm4 = kustomize (${r.helm3.length} objects)`);
if (!hasReference(name, preset)) {
  console.log('no reference file: parity skipped');
} else {
  // with the components that are parts of its upstream entry (istio-install with istio-cni)
  const { objects, declared } = await parityInputs(name, preset, r);
  const target = `${name}${preset ? `:${preset}` : ''}`;
  const modes = [false, ...(wrapsCharts(name) || args.includes('--ignore-own-labels') ? [true] : [])];
  for (const ignoreOwnLabels of modes) {
    const row = parity(target, objects, loadReference(name, preset), declared, { ignoreOwnLabels });
    report(row, ignoreOwnLabels ? 'parity ignoring own metadata.labels' : 'parity (strict)', ignoreOwnLabels || modes.length === 1);
  }
}

function report(row: ParityRow, title: string, details: boolean): void {
  console.log(
    `${title}: ${row.nonCrdIdentical}/${row.nonCrdTotal} non-CRD objects identical, ${row.nonCrdEquivalent} more with the same documents (declared)${row.crdCoverage !== undefined ? `, CRD coverage ${(100 * row.crdCoverage).toFixed(1)}%` : ''}`,
  );
  if (!details) return;
  for (const m of row.missing) console.log(`  missing: ${m}`);
  for (const m of row.extra) console.log(`  extra: ${m}`);
  for (const d of row.differing) console.log(`  differs: ${d}`);
  for (const c of row.crdDetails) console.log(`  crd: ${c}`);
}
