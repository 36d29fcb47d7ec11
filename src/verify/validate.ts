import { Ajv } from 'ajv';
import type { K8sObject } from './objects.js';

/**
 * Schema validation of rendered objects: built-in kinds against kubernetes-models (the Kubernetes
 * OpenAPI schema), Istio and cert-manager kinds against their model packages, and our own custom
 * resources against the CRDs we ship.
 */
type Validator = (o: K8sObject) => void;
const cache = new Map<string, Promise<Validator | undefined>>();

const modelPackages = [
  'kubernetes-models',
  '@kubernetes-models/istio',
  '@kubernetes-models/cert-manager',
  '@kubernetes-models/argo-cd',
  '@kubernetes-models/flux-cd',
];

async function modelValidator(apiVersion: string, kind: string): Promise<Validator | undefined> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  for (const pkg of modelPackages) {
    const path = group ? `${pkg}/${group}/${version}/${kind}` : `${pkg}/${version}/${kind}`;
    try {
      const mod = await import(path);
      const Model = mod[kind] ?? mod.default;
      if (Model) return (o) => new Model(o).validate();
    } catch {
      /* not in this package */
    }
  }
  return undefined;
}

export function validatorFor(apiVersion: string, kind: string): Promise<Validator | undefined> {
  const k = `${apiVersion}/${kind}`;
  if (!cache.has(k)) cache.set(k, modelValidator(apiVersion, kind));
  return cache.get(k)!;
}

// The API server checks structure and types, not formats such as int32 or date-time; neither do we.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/** Validators for custom resources defined by the given CRDs (compiled once per schema). */
export function crdValidators(objs: K8sObject[]): Map<string, Validator> {
  const out = new Map<string, Validator>();
  for (const crd of objs.filter((o) => o.kind === 'CustomResourceDefinition')) {
    for (const ver of crd.spec.versions ?? []) {
      const text = JSON.stringify(ver.schema?.openAPIV3Schema ?? {});
      let validate = compiled.get(text);
      if (!validate) {
        validate = ajv.compile(stripK8sExtensions(JSON.parse(text)) as object);
        compiled.set(text, validate);
      }
      const v = validate;
      out.set(`${crd.spec.group}/${ver.name}/${crd.spec.names.kind}`, (o) => {
        if (!v(o)) throw new Error(ajv.errorsText(v.errors));
      });
    }
  }
  return out;
}

function stripK8sExtensions(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(stripK8sExtensions);
  if (!s || typeof s !== 'object') return s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'x-kubernetes-int-or-string' && v) {
      out.anyOf = [{ type: 'integer' }, { type: 'string' }];
      continue;
    }
    if (k.startsWith('x-kubernetes-')) continue;
    out[k] = stripK8sExtensions(v);
  }
  if (out.anyOf && out.type) delete out.type;
  return out;
}
