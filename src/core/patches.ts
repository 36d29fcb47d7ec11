import { ApiObject, JsonPatch } from 'cdk8s';
import type { Construct } from 'constructs';
import { s, type JsonSchema } from './schema.js';

/**
 * The escape hatch: `patches`, a value of every chart, applies JSON patches (RFC 6902 add / replace
 * / remove) to any object by kind and name, for what no value covers. The same value works in every
 * output: concrete synthesis applies it with cdk8s JSON patches (Kustomize presets carry it as
 * overlay patches, cdk8s apps in their objects), charts through `kubeflow-cdk8s.patch` in
 * _helpers.tpl, which every object template goes through. Objects repeated per list item (forEach)
 * are not patchable: set them through their list's values.
 */
export interface PatchOp {
  readonly op: 'add' | 'replace' | 'remove';
  /** JSON pointer into the object, e.g. `/spec/template/spec/priorityClassName`. */
  readonly path: string;
  readonly value?: unknown;
}
export interface ObjectPatch {
  readonly kind: string;
  readonly name: string;
  /** Only objects in this namespace (default: any). */
  readonly namespace?: string;
  readonly patch: PatchOp[];
}

export const PATCHES_DESCRIPTION =
  'Escape hatch: JSON patches (op add/replace/remove, path as a JSON pointer, value) applied to the object of this kind and name (and namespace, when given), for what no value covers. Works in Helm, Kustomize presets and cdk8s apps alike; objects repeated per list item are not patchable.';

export const patchesSchema = (): JsonSchema =>
  s.array(
    s.object(
      {
        kind: s.string({ minLength: 1 }),
        name: s.string({ minLength: 1 }),
        namespace: s.string({ minLength: 1 }),
        patch: s.array(
          s.object(
            {
              op: s.enum(['add', 'replace', 'remove']),
              path: s.string({ pattern: '^(/([^~/]|~[01])*)+$' }),
              value: {},
            },
            ['op', 'path'],
          ),
          { minItems: 1 },
        ),
      },
      ['kind', 'name', 'patch'],
    ),
  );

/** Construct metadata key marking objects repeated per list item (set by forEach). */
export const REPEATED_KEY = 'kubeflow-cdk8s/repeated';

const isRepeated = (o: Construct) => o.node.scopes.some((sc) => sc.node.metadata.some((m) => m.type === REPEATED_KEY));

/** Concrete synthesis: adds each patch to the objects it targets (cdk8s applies them in toJson). */
export function applyPatches(root: Construct, patches: readonly ObjectPatch[], component: string): void {
  for (const p of patches) {
    const targets = root.node
      .findAll()
      .filter(
        (o): o is ApiObject =>
          o instanceof ApiObject &&
          o.kind === p.kind &&
          o.name === p.name &&
          (p.namespace === undefined || o.metadata.namespace === p.namespace) &&
          !isRepeated(o),
      );
    if (!targets.length)
      throw new Error(
        `${component}: value 'patches' targets ${p.kind}/${p.name}${p.namespace ? ` in ${p.namespace}` : ''}, which this component does not create (or creates per list item)`,
      );
    const ops = p.patch.map((op) =>
      op.op === 'remove'
        ? JsonPatch.remove(op.path)
        : op.op === 'add'
          ? JsonPatch.add(op.path, op.value)
          : JsonPatch.replace(op.path, op.value),
    );
    for (const t of targets) t.addJsonPatch(...ops);
  }
}

/** _helpers.tpl: the Helm side, the same JSON patch semantics over the rendered object. */
export const PATCH_TPL = `
{{/*
Escape hatch (value \`patches\`): prints an object's text unchanged, or, when patches target it,
parses it, applies their JSON patch operations (add, replace, remove; "-" appends to a list) and
prints the result. Called as (list $ "<object text>") by every object template.
*/}}
{{- define "kubeflow-cdk8s.patch" -}}
{{- $root := index . 0 -}}{{- $text := index . 1 -}}
{{- if not $root.Values.patches -}}
{{ $text }}
{{- else -}}
{{- $obj := fromYaml $text -}}
{{- $hit := false -}}
{{- range $p := $root.Values.patches -}}
{{- if and (eq $p.kind $obj.kind) (eq $p.name $obj.metadata.name) (or (not $p.namespace) (eq $p.namespace ($obj.metadata.namespace | default ""))) -}}
{{- $hit = true -}}
{{- range $op := $p.patch -}}
{{- $tokens := list -}}
{{- range $t := splitList "/" (trimPrefix "/" $op.path) -}}{{- $tokens = append $tokens ($t | replace "~1" "/" | replace "~0" "~") -}}{{- end -}}
{{- include "kubeflow-cdk8s.patchAt" (dict "parent" $obj "key" (first $tokens) "path" (rest $tokens) "op" $op) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $hit }}
{{ toYaml $obj }}
{{- else -}}
{{ $text }}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* One JSON patch operation at (parent map, key, remaining path tokens). */}}
{{- define "kubeflow-cdk8s.patchAt" -}}
{{- $cur := index .parent .key -}}
{{- if not .path -}}
{{- if eq .op.op "remove" -}}{{- $_ := unset .parent .key -}}{{- else -}}{{- $_ := set .parent .key .op.value -}}{{- end -}}
{{- else -}}
{{- $tok := first .path -}}{{- $rest := rest .path -}}
{{- if kindIs "map" $cur -}}
{{- include "kubeflow-cdk8s.patchAt" (dict "parent" $cur "key" $tok "path" $rest "op" .op) -}}
{{- else if kindIs "slice" $cur -}}
{{- $i := len $cur -}}{{- if ne $tok "-" -}}{{- $i = atoi $tok -}}{{- end -}}
{{- if $rest -}}
{{- include "kubeflow-cdk8s.patchAt" (dict "parent" (index $cur $i) "key" (first $rest) "path" (rest $rest) "op" .op) -}}
{{- else -}}
{{- $after := $i -}}{{- if ne .op.op "add" -}}{{- $after = add1 $i -}}{{- end -}}
{{- $new := slice $cur 0 $i -}}
{{- if ne .op.op "remove" -}}{{- $new = append $new .op.value -}}{{- end -}}
{{- $_ := set .parent .key (concat $new (slice $cur (int $after))) -}}
{{- end -}}
{{- else -}}
{{- fail (printf "patches: path %s does not exist in %s/%s" .op.path .parent.kind (.parent.metadata | default dict).name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
`;
