import { allSpecs, chartSchema, upstreamOf, type ComponentInfo, type Maintainer } from '../component.js';
import { go, type Expr } from '../expr.js';
import { rangeOf } from '../foreach.js';
import type { FileTree } from '../files.js';
import type { SynthObject } from '../objects.js';
import { defaultsOf, docsOf, type Specs } from '../values.js';
import { emitYaml, MERGE_KEY } from '../yaml-emit.js';
import { TOKEN_KEY } from '../tokens.js';
import { chartDependencies, imageHubChecks, keepCrdsTemplate } from '../upstream.js';
import { HELPERS_TPL, JSON_TPL } from './helpers-tpl.js';
import { nameRepeatedExpressions } from './named-expressions.js';
import {
  ANY_ITEM_TPL,
  duplicateKeysTemplate,
  leavesOf,
  EXAMPLE_WARNING,
  exampleCredentialsTemplate,
  SECURE_CREDENTIALS_MESSAGE,
} from '../value-checks.js';
import { PATCH_TPL } from '../patches.js';
import { chartReadme } from './readme.js';
import { valuesYaml } from './values-yaml.js';

export const CHART_VERSION = '0.1.0';
export const KUBE_VERSION = '>=1.29.0-0';
/** Kinds whose objects Helm must never delete: their loss destroys user data. */
const KEEP_KINDS = new Set(['CustomResourceDefinition', 'PersistentVolumeClaim']);

/** `global.createNamespaces` (a value every chart has): Namespace objects render only while it is on. */
const NAMESPACES_ON: Expr = { k: 'raw', go: '.Values.global.createNamespaces', type: 'boolean' };

/** Objects of a component that has late objects (src/core/stages.ts) render in every stage but `late`. */
const NOT_LATE: Expr = { k: 'raw', go: '(ne .Values.global.stage "late")', type: 'boolean' };

/**
 * An object's template. Objects not repeated per list item go through the `patches` escape hatch:
 * their text is a named template (`<chart>/<file>`) that `kubeflow-cdk8s.patch` prints, patched
 * when a patch targets it.
 */
export function objectTemplate(o: SynthObject, opts: { mainStage?: boolean; chart?: string } = {}): string {
  const chart = opts.chart;
  const json = structuredClone(o.json) as Record<string, any>;
  if (KEEP_KINDS.has(json.kind)) {
    json.metadata = { ...json.metadata, annotations: { ...json.metadata?.annotations, 'helm.sh/resource-policy': 'keep' } };
  }
  json.metadata = withCommonLabels(json.metadata ?? {});
  const body = emitYaml(json, { template: true });
  o = { ...o, conditions: [...o.conditions, ...(json.kind === 'Namespace' ? [NAMESPACES_ON] : []), ...(opts.mainStage ? [NOT_LATE] : [])] };
  if (o.conditions.some((c) => rangeOf(c))) return rangeTemplate(o, body);
  const name = `${chart}/${o.file}`;
  const printed = chart === undefined ? body : `{{- include "kubeflow-cdk8s.patch" (list $ (include ${JSON.stringify(name)} .)) }}\n`;
  const defined = chart === undefined ? '' : `{{- define ${JSON.stringify(name)} }}\n${body}{{- end }}\n`;
  if (!o.conditions.length) return defined + printed;
  const cond = o.conditions.length === 1 ? go(o.conditions[0]!) : `(and ${o.conditions.map(go).join(' ')})`;
  return `${defined}{{- if ${cond} }}\n${printed}{{- end }}\n`;
}

/**
 * Objects repeated per list item (src/core/foreach.ts): each range binds its variable and resets
 * the dot to the root (`with $`) so `.Values` keeps working; conditions nest in construct order.
 */
function rangeTemplate(o: SynthObject, body: string): string {
  const open = o.conditions.map((c) => {
    const r = rangeOf(c);
    return r ? `{{- range ${r.variable} := ${go(r.list)} }}{{- with $ }}` : `{{- if ${go(c)} }}`;
  });
  const close = o.conditions.map((c) => (rangeOf(c) ? '{{- end }}{{- end }}' : '{{- end }}')).reverse();
  return `${open.join('\n')}\n---\n${body}${close.join('\n')}\n`;
}

/**
 * `global.commonLabels` merged into metadata.labels in the template; the object's own label keys are
 * omitted from them, so they never override (or duplicate) a label the object sets itself.
 */
function withCommonLabels(meta: Record<string, any>): Record<string, any> {
  const own = Object.keys(meta.labels ?? {}).filter((k) => !k.includes('⟪'));
  const common = own.length
    ? `(omit .Values.global.commonLabels ${own.map((k) => JSON.stringify(k)).join(' ')})`
    : '.Values.global.commonLabels';
  const merge = { [MERGE_KEY]: { [TOKEN_KEY]: { kind: 'merge', expr: { k: 'raw', go: common, type: 'object' } } } };
  if (meta.labels) return { ...meta, labels: { ...meta.labels, ...merge } };
  return { ...meta, labels: { [TOKEN_KEY]: { kind: 'optional', cond: { k: 'raw', go: common, type: 'object' }, value: merge } } };
}

export interface ChartMeta {
  readonly name: string;
  readonly description: string;
  readonly appVersion: string;
  readonly keywords?: string[];
  readonly dependencies?: Record<string, string>[];
  /** Omitted: the Kubeflow site and kubeflow/manifests (upstream components). */
  readonly home?: string;
  readonly sources?: string[];
  readonly maintainers?: Maintainer[];
}

const KUBEFLOW_HOME = 'https://www.kubeflow.org';
const MANIFESTS = 'https://github.com/kubeflow/manifests';

export function chartYaml(m: ChartMeta): string {
  return emitYaml({
    apiVersion: 'v2',
    name: m.name,
    description: m.description,
    type: 'application',
    version: CHART_VERSION,
    appVersion: m.appVersion,
    kubeVersion: KUBE_VERSION,
    home: m.home ?? KUBEFLOW_HOME,
    icon: 'https://www.kubeflow.org/images/logo.svg',
    sources: m.sources ?? [MANIFESTS],
    keywords: ['kubeflow', 'machine-learning', ...(m.keywords ?? [])],
    ...(m.maintainers?.length ? { maintainers: m.maintainers } : {}),
    ...(m.dependencies ? { dependencies: m.dependencies } : {}),
    annotations: {
      'artifacthub.io/license': 'Apache-2.0',
      'artifacthub.io/category': 'machine-learning',
      'artifacthub.io/prerelease': 'true',
      'artifacthub.io/links': emitYaml(
        (m.sources ?? [MANIFESTS]).map((url) => ({ name: url === MANIFESTS ? 'Kubeflow manifests' : 'source', url })),
      ),
    },
  });
}

const HELMIGNORE = '.DS_Store\n*.tgz\n*.orig\n*~\n';
/** Charts with upstream dependencies keep `charts/*.tgz` (what `helm dependency build` writes). */
const HELMIGNORE_WITH_DEPENDENCIES = '.DS_Store\n*.orig\n*~\n';

export function componentChart(
  info: ComponentInfo<any>,
  objects: SynthObject[],
  defaults: SynthObject[],
  known?: ReadonlySet<string>,
): FileTree {
  const specs: Specs = allSpecs(info);
  const tree: FileTree = new Map();
  const dependencies = chartDependencies(info);
  tree.set('Chart.yaml', chartYaml({ ...info, dependencies }));
  tree.set('.helmignore', dependencies ? HELMIGNORE_WITH_DEPENDENCIES : HELMIGNORE);
  const up = upstreamOf(info);
  tree.set(
    'values.yaml',
    valuesYaml(
      specs,
      defaultsOf(specs),
      up
        ? `Default values for ${info.name}: they reproduce the ${up.entry} entry of kubeflow/manifests ${up.release} (${info.name} ${info.appVersion}).`
        : `Default values for ${info.name} ${info.appVersion} (not an entry of kubeflow/manifests: defaults are this project's).`,
    ),
  );
  tree.set('values.schema.json', JSON.stringify(chartSchema(info), null, 2) + '\n');
  const rows = docsOf(specs);
  const creds = {
    examples: leavesOf(specs)
      .filter((l) => l.leaf.exampleCredential)
      .map((l) => l.path.join('.')),
    generated: rows.map((r) => r.path).filter((p) => /(^|\.)generateSecret$/.test(p)),
  };
  tree.set('README.md', chartReadme(info, rows, CHART_VERSION, defaults, creds, known));
  tree.set('templates/_helpers.tpl', HELPERS_TPL + JSON_TPL + ANY_ITEM_TPL + PATCH_TPL);
  tree.set('templates/NOTES.txt', notes(info, objects.length) + exampleWarning(specs));
  const checks = valueChecks(specs, imageHubChecks(info));
  if (checks) tree.set('templates/validate.yaml', checks);
  const staged = objects.some((o) => o.late);
  for (const o of objects) tree.set(`templates/${o.file}.yaml`, objectTemplate(o, { chart: info.name, mainStage: staged && !o.late }));
  for (const c of (info.upstreamCharts ?? []).filter((u) => u.keepCrds)) tree.set(`templates/${c.alias}-crds.yaml`, keepCrdsTemplate(c));
  nameRepeatedExpressions(tree, info.name);
  for (const [p, preset] of Object.entries(info.presets ?? {})) {
    tree.set(`presets/${p}.yaml`, `# ${preset.description}\n` + emitYaml(preset.values));
  }
  return tree;
}

/** The umbrella chart checks example credentials of all its components at once; a component chart inside it leaves that to it. */
export const UMBRELLA_SUBCHART_PREFIX = 'kubeflow/charts/';

/**
 * templates/validate.yaml: checks JSON Schema cannot express in Helm (unique keys of keyed lists;
 * with global.requireSecureCredentials, no example credential left; `extra` lines of the chart, such as
 * global.imageRegistry reaching wrapped charts' image hubs), all reported in one `fail`.
 */
function valueChecks(specs: Specs, extra: string[] = []): string | undefined {
  const dups = duplicateKeysTemplate(specs);
  const examples = exampleCredentialsTemplate(specs);
  if (!dups.length && !examples.length && !extra.length) return undefined;
  return [
    '{{- /* Generated by kubeflow-cdk8s: checks over values that the schema cannot express, before anything is installed. */}}',
    '{{- $errors := list }}',
    ...dups,
    ...extra,
    ...(examples.length
      ? [
          '{{- $examples := list }}',
          ...examples,
          `{{- if and $examples .Values.global.requireSecureCredentials (not (hasPrefix ${JSON.stringify(UMBRELLA_SUBCHART_PREFIX)} .Template.BasePath)) }}` +
            `{{- $errors = append $errors (printf "%s %s" ${JSON.stringify(SECURE_CREDENTIALS_MESSAGE)} (join ", " $examples)) }}{{- end }}`,
        ]
      : []),
    '{{- if $errors }}{{- fail (printf "%s: %s" .Chart.Name (join "; " $errors)) }}{{- end }}',
    '',
  ].join('\n');
}

/** NOTES.txt lines that warn while example credentials are in use. */
export function exampleWarning(specs: Specs, ref?: Parameters<typeof exampleCredentialsTemplate>[1], prefix = ''): string {
  const examples = exampleCredentialsTemplate(specs, ref, prefix);
  if (!examples.length) return '';
  return [
    '{{- $examples := list }}',
    ...examples,
    `{{- if $examples }}\n\n${EXAMPLE_WARNING}\n{{- range $examples }}\n  - {{ . }}{{- end }}\n{{- end }}`,
    '',
  ].join('\n');
}

function notes(info: ComponentInfo<any>, count: number): string {
  return `Kubeflow ${info.name} {{ .Chart.AppVersion }} (chart {{ .Chart.Version }}), release {{ .Release.Name }}.
Up to ${count} objects are rendered, depending on values. Values reference: README.md in the chart.
${info.notes ? `\n${info.notes.replace(/\{\{/g, '{{ "{{" }}')}\n` : ''}`;
}
