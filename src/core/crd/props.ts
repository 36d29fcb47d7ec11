import { k8sSchema, intOrStringSchema, quantitySchema, type K8sSchemaOptions } from './k8s-schema.js';

/** A structural OpenAPI v3 schema as CustomResourceDefinitions hold it (JSON names, `x-kubernetes-*` keys). */
export interface CrdSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, CrdSchema>;
  additionalProperties?: CrdSchema | boolean;
  items?: CrdSchema;
  required?: string[];
  enum?: (string | number | boolean)[];
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  anyOf?: CrdSchema[];
  oneOf?: CrdSchema[];
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-validations'?: { rule: string; message?: string; messageExpression?: string; reason?: string; fieldPath?: string }[];
}

/** Extra keywords for a property: a description string, or any schema keys. */
export type PropExtra = string | Omit<CrdSchema, 'type' | 'properties' | 'items' | 'additionalProperties'>;
const extra = (x?: PropExtra): CrdSchema => (typeof x === 'string' ? { description: x } : { ...(x ?? {}) });

export interface ObjectOptions {
  readonly description?: string;
  readonly required?: string[];
  /** Keep fields the schema does not name (`x-kubernetes-preserve-unknown-fields`). */
  readonly preserveUnknownFields?: boolean;
}

/**
 * Schema builders for the CRD-specific parts of a resource. Order of keys is irrelevant (objects
 * are serialized with sorted keys).
 */
export const prop = {
  string: (x?: PropExtra): CrdSchema => ({ type: 'string', ...extra(x) }),
  /** `format` defaults to none; pass `{ format: 'int32' }` to mirror Go's int32 fields. */
  integer: (x?: PropExtra): CrdSchema => ({ type: 'integer', ...extra(x) }),
  int32: (x?: PropExtra): CrdSchema => ({ type: 'integer', format: 'int32', ...extra(x) }),
  int64: (x?: PropExtra): CrdSchema => ({ type: 'integer', format: 'int64', ...extra(x) }),
  number: (x?: PropExtra): CrdSchema => ({ type: 'number', ...extra(x) }),
  boolean: (x?: PropExtra): CrdSchema => ({ type: 'boolean', ...extra(x) }),
  dateTime: (x?: PropExtra): CrdSchema => ({ type: 'string', format: 'date-time', ...extra(x) }),
  enum: (values: readonly string[], x?: PropExtra): CrdSchema => ({ type: 'string', enum: [...values], ...extra(x) }),
  array: (items: CrdSchema, x?: PropExtra): CrdSchema => ({ type: 'array', items, ...extra(x) }),
  /** An object with string keys and values of one schema (Go's `map[string]T`). */
  map: (values: CrdSchema, x?: PropExtra): CrdSchema => ({ type: 'object', additionalProperties: values, ...extra(x) }),
  object: (properties: Record<string, CrdSchema>, o: ObjectOptions | string = {}): CrdSchema => {
    const opts = typeof o === 'string' ? { description: o } : o;
    return {
      type: 'object',
      ...(opts.description ? { description: opts.description } : {}),
      ...(Object.keys(properties).length ? { properties } : {}),
      ...(opts.required?.length ? { required: [...opts.required] } : {}),
      ...(opts.preserveUnknownFields ? { 'x-kubernetes-preserve-unknown-fields': true } : {}),
    };
  },
  /** Any JSON object, kept as given (`type: object` + `x-kubernetes-preserve-unknown-fields`). */
  preserveUnknown: (description?: string): CrdSchema => ({
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
    ...(description ? { description } : {}),
  }),
  intOrString: (x?: PropExtra): CrdSchema => ({ ...intOrStringSchema(), ...extra(x) }),
  quantity: (x?: PropExtra): CrdSchema => ({ ...quantitySchema(), ...extra(x) }),
  /**
   * A Kubernetes type from the cdk8s-plus-33 assembly: `prop.k8s('Toleration')`. A description
   * given here replaces the type's own (as controller-gen uses the field's comment).
   */
  k8s: (type: string, x?: PropExtra & K8sSchemaOptions): CrdSchema => {
    const { descriptions, objectMeta, ...rest } = (typeof x === 'string' ? { description: x } : (x ?? {})) as CrdSchema & K8sSchemaOptions;
    return { ...k8sSchema(type, { descriptions, objectMeta }), ...rest };
  },
  /**
   * metav1.Condition as controller-gen writes it for status conditions, with apimachinery's validation
   * markers (cdk8s-plus-33 carries no such type for `prop.k8s`).
   */
  condition: (): CrdSchema =>
    prop.object(
      {
        lastTransitionTime: prop.dateTime(),
        message: prop.string({ maxLength: 32768 }),
        observedGeneration: prop.int64({ minimum: 0 }),
        reason: prop.string({ maxLength: 1024, minLength: 1, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$' }),
        status: prop.enum(['True', 'False', 'Unknown']),
        type: prop.string({
          maxLength: 316,
          pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
        }),
      },
      { required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'] },
    ),
  /** A list of a Kubernetes type: `prop.k8sList('Volume')`. */
  k8sList: (type: string, x?: PropExtra & K8sSchemaOptions): CrdSchema => {
    const { descriptions, objectMeta, ...rest } = (typeof x === 'string' ? { description: x } : (x ?? {})) as CrdSchema & K8sSchemaOptions;
    return { type: 'array', items: k8sSchema(type, { descriptions, objectMeta }), ...rest };
  },
};

/** Removes every `description` (to keep large CRDs small). */
export function withoutDescriptions(s: CrdSchema): CrdSchema {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (!x || typeof x !== 'object') return x;
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k, v]) => !(k === 'description' && typeof v === 'string'))
        .map(([k, v]) => [k, k === 'properties' ? mapValues(v as Record<string, unknown>) : walk(v)]),
    );
  };
  const mapValues = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, walk(v)]));
  return walk(s) as CrdSchema;
}
