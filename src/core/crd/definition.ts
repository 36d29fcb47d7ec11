import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { prop, type CrdSchema } from './props.js';

export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly jsonPath: string;
  readonly description?: string;
  readonly format?: string;
  readonly priority?: number;
}

export interface CrdVersion {
  readonly name: string;
  /** Default true. */
  readonly served?: boolean;
  /** Exactly one version is the storage version. */
  readonly storage: boolean;
  /** The version's `openAPIV3Schema` (build it with `resourceSchema`). */
  readonly schema: CrdSchema;
  /** `status: true` enables the /status subresource; `scale` the /scale subresource. */
  readonly subresources?: {
    readonly status?: boolean;
    readonly scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  };
  readonly additionalPrinterColumns?: PrinterColumn[];
  readonly deprecated?: boolean;
  readonly deprecationWarning?: string;
}

export interface CrdProps {
  readonly group: string;
  /** CamelCase kind, e.g. `PodDefault`. plural/singular/listKind derive from it unless given. */
  readonly kind: string;
  readonly plural?: string;
  readonly singular?: string;
  readonly listKind?: string;
  readonly shortNames?: string[];
  readonly categories?: string[];
  readonly scope: 'Namespaced' | 'Cluster';
  readonly versions: CrdVersion[];
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  /** `spec.conversion`; left out unless given (the API server defaults to None). */
  readonly conversion?: { strategy: 'None' } | { strategy: 'Webhook'; webhook: Record<string, unknown> };
  /** `spec.preserveUnknownFields`; left out unless given (must be false in apiextensions v1). */
  readonly preserveUnknownFields?: false;
}

/** A CustomResourceDefinition (apiextensions.k8s.io/v1) with a typed, checked schema. */
export class CustomResourceDefinition extends ApiObject {
  /** `<plural>.<group>` */
  public readonly crdName: string;
  public readonly plural: string;

  constructor(scope: Construct, id: string, props: CrdProps) {
    const plural = props.plural ?? `${props.kind.toLowerCase()}s`;
    const name = `${plural}.${props.group}`;
    const storage = props.versions.filter((v) => v.storage);
    if (storage.length !== 1) throw new Error(`CRD ${name}: exactly one version must be the storage version (got ${storage.length})`);
    for (const v of props.versions) assertStructural(v.schema, `${name} ${v.name}`);
    super(scope, id, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {
        name,
        ...(props.annotations ? { annotations: props.annotations } : {}),
        ...(props.labels ? { labels: props.labels } : {}),
      },
      spec: {
        ...(props.conversion ? { conversion: props.conversion } : {}),
        group: props.group,
        names: {
          kind: props.kind,
          listKind: props.listKind ?? `${props.kind}List`,
          plural,
          singular: props.singular ?? props.kind.toLowerCase(),
          ...(props.shortNames ? { shortNames: props.shortNames } : {}),
          ...(props.categories ? { categories: props.categories } : {}),
        },
        ...(props.preserveUnknownFields === false ? { preserveUnknownFields: false } : {}),
        scope: props.scope,
        versions: props.versions.map((v) => ({
          ...(v.additionalPrinterColumns ? { additionalPrinterColumns: v.additionalPrinterColumns } : {}),
          ...(v.deprecated ? { deprecated: true } : {}),
          ...(v.deprecationWarning ? { deprecationWarning: v.deprecationWarning } : {}),
          name: v.name,
          schema: { openAPIV3Schema: v.schema },
          served: v.served ?? true,
          storage: v.storage,
          ...(v.subresources ? { subresources: subresources(v.subresources) } : {}),
        })),
      },
    });
    this.crdName = name;
    this.plural = plural;
  }
}

function subresources(s: NonNullable<CrdVersion['subresources']>): Record<string, unknown> {
  return { ...(s.status ? { status: {} } : {}), ...(s.scale ? { scale: s.scale } : {}) };
}

export interface ResourceSchemaProps {
  readonly description?: string;
  readonly spec?: CrdSchema;
  readonly status?: CrdSchema;
  /** Top-level required fields (e.g. `['spec']`). */
  readonly required?: string[];
  /** Other top-level fields (rare: `data` of a config-like resource). */
  readonly extra?: Record<string, CrdSchema>;
}

/** The `openAPIV3Schema` of a resource: apiVersion, kind, metadata, then spec/status as given. */
export function resourceSchema(p: ResourceSchemaProps): CrdSchema {
  return prop.object(
    {
      apiVersion: prop.string('APIVersion defines the versioned schema of this representation of an object (group/version).'),
      kind: prop.string('Kind is the REST resource this object represents, in CamelCase.'),
      metadata: { type: 'object' },
      ...(p.spec ? { spec: p.spec } : {}),
      ...(p.status ? { status: p.status } : {}),
      ...p.extra,
    },
    { description: p.description, required: p.required },
  );
}

/**
 * The API server accepts only structural schemas: every node states a type, unless it is
 * int-or-string or keeps unknown fields; `properties` and `additionalProperties` exclude each other.
 */
export function assertStructural(s: CrdSchema, at: string): void {
  const walk = (x: CrdSchema, path: string) => {
    const free = x['x-kubernetes-int-or-string'] || x['x-kubernetes-preserve-unknown-fields'];
    if (!x.type && !free) throw new Error(`CRD ${at}: schema at ${path || '/'} has no type`);
    if (x.properties && x.additionalProperties !== undefined)
      throw new Error(`CRD ${at}: ${path} has both properties and additionalProperties`);
    if (x.type === 'array' && !x.items) throw new Error(`CRD ${at}: array at ${path} has no items`);
    for (const [k, y] of Object.entries(x.properties ?? {})) walk(y, `${path}.${k}`);
    if (x.items) walk(x.items, `${path}[]`);
    if (x.additionalProperties && typeof x.additionalProperties === 'object') walk(x.additionalProperties, `${path}{}`);
  };
  walk(s, '');
}
