import { readFileSync } from 'node:fs';
import { helmTemplate, kustomizeBuild } from '/work/main/test/support/tools.ts';
import { parseObjects, byKey, canonical, normalizeHelm, keyOf } from '/work/main/test/support/objects.ts';
const [comp, preset] = process.argv.slice(2);
const ref = parseObjects(readFileSync(`/work/shared/reference/kubeflow-26.03/${preset ? `variants/${comp}--${preset}` : `platform/${comp}`}.yaml`, 'utf8'));
const h = parseObjects(await helmTemplate('helm3', `dist/helm/${comp}`, preset ? ['-f', `dist/helm/${comp}/presets/${preset}.yaml`] : [])).map(normalizeHelm);
const k = parseObjects(await kustomizeBuild(`dist/kustomize/${comp}/${preset ? `overlays/${preset}` : 'base'}`));
const R = byKey(ref), H = byKey(h), K = byKey(k);
for (const [key, r] of R) {
  const hh = H.get(key), kk = K.get(key);
  console.log(key, hh ? (canonical(hh) === canonical(r) ? 'OK' : 'DIFF') : 'MISSING', kk ? (canonical(kk) === canonical(hh) ? 'h=k' : 'h!=k') : 'kmissing');
  if (hh && canonical(hh) !== canonical(r) && process.env.V) { require('fs').writeFileSync('/tmp/a.json', canonical(r)); require('fs').writeFileSync('/tmp/b.json', canonical(hh)); }
}
for (const key of H.keys()) if (!R.has(key)) console.log('EXTRA', key);
