/** JSON Schema (draft-07 subset) as used by values.schema.json and CRD-embedded value lists. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  not?: JsonSchema;
  format?: string;
  default?: unknown;
  minItems?: number;
  [k: `x-${string}`]: unknown;
}

/** Small constructors so component value files read as data. */
export const s = {
  string: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', ...extra }),
  integer: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'integer', ...extra }),
  number: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'number', ...extra }),
  boolean: (): JsonSchema => ({ type: 'boolean' }),
  enum: (values: readonly (string | number)[]): JsonSchema => ({ enum: [...values] }),
  array: (items: JsonSchema, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'array', items, ...extra }),
  map: (values: JsonSchema): JsonSchema => ({ type: 'object', additionalProperties: values }),
  /** A closed object: unknown keys are errors, so typos fail at install time. */
  object: (properties: Record<string, JsonSchema>, required: string[] = [], extra: Partial<JsonSchema> = {}): JsonSchema => ({
    type: 'object',
    properties,
    additionalProperties: false,
    ...(required.length ? { required } : {}),
    ...extra,
  }),
  /** Anything a Kubernetes field accepts that we do not constrain further. */
  any: (description?: string): JsonSchema => ({ ...(description ? { description } : {}) }),
  /** Kubernetes resource quantity: a number or a string such as `500m`, `2Gi`. */
  quantity: (): JsonSchema => ({
    anyOf: [{ type: 'integer' }, { type: 'number' }, { type: 'string', pattern: QUANTITY_PATTERN }],
  }),
};

export const QUANTITY_PATTERN = '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

export const resourceRequirementsSchema = (): JsonSchema =>
  s.object({
    limits: s.map(s.quantity()),
    requests: s.map(s.quantity()),
  });
