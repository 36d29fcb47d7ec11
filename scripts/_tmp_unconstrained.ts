import { components } from '../src/components/index.js';
import { chartSchema } from '../src/core/component.js';
const out: string[] = [];
function walk(s: any, p: string) {
  if (!s || typeof s !== 'object') return;
  if (s.type === 'string' && !s.pattern && !s.enum) out.push(p);
  for (const [k, x] of Object.entries(s.properties ?? {})) walk(x, p ? `${p}.${k}` : k);
  if (s.items) walk(s.items, `${p}[]`);
  if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${p}.*`);
  for (const [k, x] of Object.entries(s.patternProperties ?? {})) walk(x, `${p}.*`);
  for (const x of [...(s.oneOf ?? []), ...(s.anyOf ?? [])]) walk(x, p);
}
for (const c of components) { out.length = 0; walk(chartSchema(c.info), ''); console.log(c.info.name + ': ' + [...new Set(out)].join(', ')); }
