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
  maxLength?: number;
  pattern?: string;
  patternProperties?: Record<string, JsonSchema>;
  propertyNames?: JsonSchema;
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
  /** Kubernetes resource quantity: a number or a string such as `500m`, `2Gi`; `nonNegative` for requests, limits, quotas. */
  quantity: (opts: { nonNegative?: boolean } = {}): JsonSchema => ({
    anyOf: opts.nonNegative
      ? [
          { type: 'number', minimum: 0 },
          { type: 'string', pattern: NON_NEGATIVE_QUANTITY_PATTERN },
        ]
      : [{ type: 'integer' }, { type: 'number' }, { type: 'string', pattern: QUANTITY_PATTERN }],
  }),
  /** A map whose keys must match `keyPattern`: a bad key is reported at the map's path by Helm 3, Helm 4 and ajv alike. */
  keyedMap: (keyPattern: string, values: JsonSchema, extra: Partial<JsonSchema> = {}): JsonSchema => ({
    type: 'object',
    patternProperties: { [keyPattern]: values },
    additionalProperties: false,
    ...extra,
  }),
  // ---- Kubernetes and program formats (every pattern is RE2-compatible: Helm validates with Go regexps) ----
  /** DNS-1123 label (namespace, Service, profile names): lower-case alphanumerics and `-`, at most 63. */
  dnsLabel: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: DNS_LABEL, maxLength: 63, ...extra }),
  /** DNS-1123 subdomain (names of Secrets, ConfigMaps, most objects; domains): labels joined by `.`, at most 253. */
  subdomain: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: DNS_SUBDOMAIN, maxLength: 253, ...extra }),
  /** A label or annotation key: optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
  labelKey: (): JsonSchema => ({ type: 'string', pattern: LABEL_KEY, maxLength: 317 }),
  /** A label value: empty or at most 63 alphanumerics, `-`, `_`, `.`, starting and ending alphanumeric. */
  labelValue: (): JsonSchema => ({ type: 'string', pattern: LABEL_VALUE, maxLength: 63 }),
  /** Labels (`key: value`) with Kubernetes' key and value grammar. */
  labelMap: (): JsonSchema => s.keyedMap(LABEL_KEY, { type: 'string', pattern: LABEL_VALUE, maxLength: 63 }),
  /** Annotations: Kubernetes' key grammar, any string value. */
  annotationMap: (): JsonSchema => s.keyedMap(LABEL_KEY, { type: 'string' }),
  /** A Go duration (`90s`, `1h30m`, `0`); no sign, so never negative. */
  duration: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: GO_DURATION, ...extra }),
  /** An absolute http(s) URL without spaces, quotes, braces or backslashes. */
  url: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: HTTP_URL, maxLength: 2048, ...extra }),
  /** An http(s) URL or an absolute path (`/dex/auth`), as redirect targets take. */
  urlOrPath: (extra: Partial<JsonSchema> = {}): JsonSchema => ({
    type: 'string',
    pattern: `(${HTTP_URL})|(^/${URL_CHAR}*$)`,
    maxLength: 2048,
    ...extra,
  }),
  /** `namespace/name` (both DNS labels/subdomains); `namespaceOptional` also admits a bare name (Istio gateway references). */
  namespacedName: (opts: { namespaceOptional?: boolean } = {}, extra: Partial<JsonSchema> = {}): JsonSchema => ({
    type: 'string',
    pattern: `^(${DNS_LABEL.slice(1, -1)}/)${opts.namespaceOptional ? '?' : ''}${DNS_SUBDOMAIN.slice(1)}`,
    maxLength: 317,
    ...extra,
  }),
  /** An HTTP header name (an RFC 9110 token). */
  headerName: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: HEADER_NAME, maxLength: 256, ...extra }),
  /** A TCP/UDP port number. */
  port: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'integer', minimum: 1, maximum: 65535, ...extra }),
  /** An email address (user ids, static users): no spaces, quotes or control characters. */
  email: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: EMAIL, maxLength: 254, ...extra }),
  /** A single line of text: no line breaks or other control characters (display names, ids). */
  line: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: ONE_LINE, ...extra }),
  /**
   * Text an upstream chart's template may paste into YAML as it is, bare or between quotes (values we
   * pass to charts we cannot change): letters, digits and `-_.,/=+@%`, starting with a letter, digit,
   * `_`, `.` or `/` (so never a YAML indicator), no spaces, quotes, `:`, `#`, braces or line breaks.
   */
  plainText: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: PLAIN_TEXT, ...extra }),
  /** An absolute file-system path (`/opt/cni/bin`): plain text starting with `/`. */
  absolutePath: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: ABSOLUTE_PATH, ...extra }),
  /** A full image reference as a container's `image` takes it: `[registry/]repository[:tag][@digest]`. */
  imageRef: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: IMAGE_REF, maxLength: 512, ...extra }),
  /** An environment variable name. */
  envName: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: ENV_NAME, ...extra }),
  /** An Istio/SPIFFE principal (`cluster.local/ns/<namespace>/sa/<service account>`) or another trust-domain path. */
  principal: (extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', pattern: PRINCIPAL, ...extra }),
  /** The same string format, or empty (`''` = not set: an optional Secret name, URL…). */
  orEmpty: (sch: JsonSchema): JsonSchema => ({ ...sch, pattern: sch.pattern ? `^(?:${sch.pattern})?$` : sch.pattern }),
};

export const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
export const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
export const LABEL_KEY =
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$';
export const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$';
export const GO_DURATION = '^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
const URL_CHAR = '[^\\s"\'<>\\\\^`{|}]';
export const HTTP_URL = `^https?://[^\\s"'<>\\\\^\`{|}/?#]+([/?#]${URL_CHAR}*)?$`;
export const HEADER_NAME = "^[-!#$%&'*+.^_`|~0-9A-Za-z]+$";
export const EMAIL = '^[^\\s@"\'<>\\\\{}]+@[^\\s@"\'<>\\\\{}]+$';
export const ONE_LINE = '^[^\\x00-\\x1f\\x7f]*$';
export const PLAIN_TEXT = '^([A-Za-z0-9_./][-A-Za-z0-9_.,/=+@%]*)?$';
export const ABSOLUTE_PATH = '^/[-A-Za-z0-9_./]*$';
export const ENV_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
export const PRINCIPAL = '^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?(/[-A-Za-z0-9_.*]+)*$';
/** Image grammar (distribution/reference): registry host[:port][/path], repository path, tag, digest. */
export const IMAGE_REGISTRY =
  '^([A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*(:[0-9]+)?(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*)?$';
/** Registry and path an image sits under, registry required (`gcr.io/istio-release`): a chart's `hub`. */
export const IMAGE_HUB_PATTERN = (): string => IMAGE_REGISTRY.replace(/^\^\((.*)\)\?\$$/, '^$1$');
export const IMAGE_REPOSITORY = '^[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*$';
export const IMAGE_TAG = '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$';
export const IMAGE_DIGEST = '^([a-z0-9]+([+._-][a-z0-9]+)*:[a-fA-F0-9]{32,})?$';
const inner = (p: string) => p.replace(/^\^\((.*)\)\?\$$/, '$1').replace(/^\^(.*)\$$/, '$1');
export const IMAGE_REF = `^(${inner(IMAGE_REGISTRY)}/)?${inner(IMAGE_REPOSITORY)}(:${inner(IMAGE_TAG)})?(@${inner(IMAGE_DIGEST)})?$`;

export const NON_NEGATIVE_QUANTITY_PATTERN =
  '^\\+?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

export const resourceRequirementsSchema = (): JsonSchema =>
  s.object({
    limits: s.keyedMap(RESOURCE_NAME, s.quantity({ nonNegative: true })),
    requests: s.keyedMap(RESOURCE_NAME, s.quantity({ nonNegative: true })),
  });

/** A resource name (`cpu`, `memory`, `nvidia.com/gpu`, `requests.storage`…): a qualified name. */
export const RESOURCE_NAME = LABEL_KEY;
/** An Istio host: `*`, a DNS name (optionally `*.`-prefixed), optionally after `namespace/` (Gateway hosts). */
export const ISTIO_HOST =
  '^(([a-z0-9]([-a-z0-9]*[a-z0-9])?|\\*|\\.)/)?(\\*|(\\*\\.)?[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*)$';
