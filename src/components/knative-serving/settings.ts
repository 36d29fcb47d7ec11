import type { Leaf } from '../../core/values.js';
import { NON_NEGATIVE_QUANTITY_PATTERN, s, type JsonSchema } from '../../core/schema.js';

/**
 * One key of a Knative config ConfigMap as a typed chart value. The value defaults to null: the key
 * is left out and Knative's built-in default applies (as upstream ships the ConfigMaps, with no keys
 * set). `knative` is that built-in default, shown in the generated `_example` block; undefined when
 * Knative has none (the setting is off unless set).
 */
export type Setting<T> = Leaf<T | null> & { readonly key: string; readonly knative?: string };

const setting = <T>(
  type: Leaf<T>['type'],
  schema: JsonSchema,
  key: string,
  knative: string | undefined,
  description: string,
): Setting<T> => ({
  kind: 'leaf',
  type,
  default: null,
  description: `${description} Null leaves \`${key}\` unset${knative !== undefined ? ` (Knative's default: \`${knative}\`)` : ''}.`,
  schema: { ...schema, type: [schema.type as string, 'null'] },
  key,
  knative,
});

/** Go duration (`30s`, `1h30m`), as Knative parses durations. */
export const DURATION = '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$';

export const set = {
  bool: (key: string, knative: string | undefined, d: string) => setting<boolean>('boolean', { type: 'boolean' }, key, knative, d),
  int: (key: string, knative: string | undefined, d: string, extra: Partial<JsonSchema> = {}) =>
    setting<number>('integer', { type: 'integer', ...extra }, key, knative, d),
  num: (key: string, knative: string | undefined, d: string, extra: Partial<JsonSchema> = {}) =>
    setting<number>('number', { type: 'number', ...extra }, key, knative, d),
  str: (key: string, knative: string | undefined, d: string, extra: Partial<JsonSchema> = {}) =>
    setting<string>('string', { type: 'string', ...extra }, key, knative, d),
  duration: (key: string, knative: string | undefined, d: string) =>
    setting<string>('string', { type: 'string', pattern: DURATION }, key, knative, `${d} A Go duration (\`30s\`, \`5m\`).`),
  quantity: (key: string, knative: string | undefined, d: string) =>
    setting<string>('string', { type: 'string', pattern: NON_NEGATIVE_QUANTITY_PATTERN }, key, knative, `${d} A Kubernetes quantity.`),
  oneOf: <T extends string>(key: string, values: readonly T[], knative: T | undefined, d: string) =>
    setting<T>('string', { type: 'string', enum: [...values, null] as string[] }, key, knative, d),
  /** A cert-manager issuer reference, written as JSON (valid YAML) text. */
  issuer: (key: string, d: string) =>
    setting<{ kind: string; name: string }>(
      'object',
      {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'name'],
        properties: { kind: { type: 'string', enum: ['Issuer', 'ClusterIssuer'] }, name: s.subdomain() },
      },
      key,
      undefined,
      d,
    ),
  /** A feature flag of config-features. */
  feature: (key: string, knative: 'enabled' | 'disabled', d: string) =>
    setting<string>(
      'string',
      { type: 'string', enum: ['enabled', 'disabled', 'allowed', null] as string[] },
      key,
      knative,
      `${d} \`enabled\`, \`disabled\`, or \`allowed\` (off unless a workload's annotation turns it on, where Knative supports that).`,
    ),
};

export const isSetting = (x: unknown): x is Setting<unknown> =>
  !!x && typeof x === 'object' && (x as { kind?: string }).kind === 'leaf' && typeof (x as { key?: unknown }).key === 'string';
