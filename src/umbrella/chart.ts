import { valuesPath } from '../core/expr.js';
import { mount, type FileTree } from '../core/files.js';
import { CHART_VERSION, chartYaml, exampleWarning } from '../core/helm/chart.js';
import { exampleCredentialsTemplate, SECURE_CREDENTIALS_MESSAGE, type ValueRef } from '../core/value-checks.js';
import { allSpecs, enabledByDefault, UPSTREAM_RELEASE } from '../core/component.js';
import { formatRequirement } from '../core/helm/readme.js';
import { block } from '../core/helm/values-yaml.js';
import { emitYaml } from '../core/yaml-emit.js';
import { kustomization } from '../core/kustomize/writer.js';
import { synthDefaults, type ComponentEntry } from '../core/synth.js';
import { storedEstimate } from '../core/helm/stored-size.js';

import { defaultsOf, docsOf, GLOBAL_DESCRIPTION, globalSpecs, mergeValues, schemaOf } from '../core/values.js';
import { requirementMessage, requirementName } from './dependencies.js';
import { platformPresets, type PlatformPreset } from './presets.js';

export const UMBRELLA = 'kubeflow';
/** The platform version: the kubeflow/manifests release the upstream components reproduce. */
export const PLATFORM_VERSION = UPSTREAM_RELEASE;

const enabledExpr = (name: string) => valuesPath([name, 'enabled']);

/** Values of the umbrella chart for a platform preset: enabled flags plus component preset values. */
export function presetValues(entries: ComponentEntry[], p: PlatformPreset): Record<string, unknown> {
  const out: Record<string, unknown> = p.global ? { global: p.global } : {};
  for (const e of entries) {
    const name = e.info.name;
    const on = p.enable ? p.enable.includes(name) : enabledByDefault(e.info);
    const cp = p.componentPresets?.[name];
    out[name] = mergeValues(cp ? e.info.presets![cp]!.values : {}, { enabled: on });
  }
  return out;
}

/** dist/helm/kubeflow: every component chart vendored under charts/, switched by `<name>.enabled`. */
/** `global` holds a platform team's global values (the defaults otherwise). */
export function umbrellaChart(entries: ComponentEntry[], charts: Map<string, FileTree>, global: Record<string, unknown> = {}): FileTree {
  const tree: FileTree = new Map();
  tree.set(
    'Chart.yaml',
    chartYaml({
      name: UMBRELLA,
      description: 'Kubeflow platform: every component as a subchart, enabled and configured by values.',
      appVersion: PLATFORM_VERSION,
      keywords: ['platform'],
      dependencies: entries.map((e) => ({ name: e.info.name, version: CHART_VERSION, condition: `${e.info.name}.enabled` })),
    }),
  );
  tree.set('.helmignore', '.DS_Store\n*.tgz\n');
  const lines = [
    '# Kubeflow platform. Each component section is passed to its subchart: see charts/<name>/README.md.',
    '',
    `# -- ${SIZE_LIMIT_DOC}`,
    `releaseSizeLimitKiB: ${RELEASE_LIMIT_KIB}`,
    '',
    `# -- ${GLOBAL_DESCRIPTION}`,
    'global:',
    ...block(globalSpecs, mergeValues(defaultsOf(globalSpecs), global), 2),
    '',
  ];
  for (const e of entries) {
    lines.push(
      `# -- ${e.info.description} Its values (documented: helm show values ./dist/helm/kubeflow/charts/${e.info.name}) go here too.`,
      `${e.info.name}:`,
      `  # -- Install ${e.info.name}${enabledByDefault(e.info) ? '' : ' (off by default)'}.`,
      `  enabled: ${enabledByDefault(e.info)}`,
      '',
    );
  }
  tree.set('values.yaml', lines.join('\n'));
  const globalSchema = schemaOf(globalSpecs, true);
  tree.set(
    'values.schema.json',
    JSON.stringify(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        additionalProperties: false,
        properties: {
          global: { ...globalSchema, description: GLOBAL_DESCRIPTION },
          releaseSizeLimitKiB: { type: 'integer', minimum: 0, description: SIZE_LIMIT_DOC },
          ...Object.fromEntries(
            entries.map((e) => [
              e.info.name,
              {
                type: 'object',
                description: `${e.info.description} Other keys are the ${e.info.name} chart's values (validated by its own schema).`,
                properties: { enabled: { type: 'boolean', description: `Install ${e.info.name}.` } },
                additionalProperties: true,
              },
            ]),
          ),
        },
      },
      null,
      2,
    ) + '\n',
  );
  tree.set('templates/validate.yaml', dependencyChecks(entries) + sizeCheck(entries));
  tree.set(
    'templates/NOTES.txt',
    `Kubeflow ${PLATFORM_VERSION} (chart {{ .Chart.Version }}), release {{ .Release.Name }}.
Enabled components:
{{- range $name, $v := .Values }}{{ if and (kindIs "map" $v) (hasKey $v "enabled") $v.enabled }}
  - {{ $name }}{{ end }}{{ end }}
{{- /* the plan's last release (stage late) repeats how to reach the platform */}}
{{- if or .Values.centraldashboard.enabled (eq .Values.global.stage "late") }}

Reach the dashboard through the Istio ingress gateway (installed by the istio-install release of the plan):
  kubectl port-forward -n istio-system svc/istio-ingressgateway 8080:80
then open http://localhost:8080 and log in
{{- if or .Values.dex.enabled (eq .Values.global.stage "late") }} with a user of Dex's staticPasswords or connectors{{ else }} with your identity provider ({{ .Values.global.auth.issuerUrl | default "global.auth.issuerUrl" }}){{ end }}.
{{- end }}
{{- if eq .Values.global.stage "late" }}
This release completes the install plan. The warnings about example credentials still in use (Dex's example user,
example client and cookie secrets, database passwords) are in the kubeflow release's notes: helm get notes kubeflow -n {{ .Release.Namespace }}
{{- end }}
` + entries.map((e) => exampleWarningOf(e)).join(''),
  );
  tree.set('README.md', umbrellaReadme(entries));
  for (const [name, p] of Object.entries(platformPresets))
    tree.set(`presets/${name}.yaml`, `# ${p.description}\n` + emitYaml(presetValues(entries, p)));
  for (const e of entries) for (const [k, v] of mount(charts.get(e.info.name)!, `charts/${e.info.name}`)) tree.set(k, v);
  return tree;
}

const RELEASE_LIMIT_KIB = 800;
const SIZE_LIMIT_DOC =
  'Fail before installing when the enabled components would make a release larger than this when Helm stores it (KiB, estimated; Helm keeps a release in one Secret of at most 1 MiB). 0 turns the check off (for `helm template` piped to kubectl).';

/**
 * Fails with a pointer to the install plan when the enabled components would not fit in one
 * release: each component adds its measured share (base64 of gzip of its default objects, CRDs
 * apart so that `crds.install=false` removes them), a sum that overestimates gzip of the whole.
 */
function sizeCheck(entries: ComponentEntry[]): string {
  const lines = ['{{- $kib := 0 }}'];
  for (const e of entries) {
    const objs = synthDefaults(e).objects;
    const crds = objs.filter((o) => o.json.kind === 'CustomResourceDefinition');
    const rest = objs.filter((o) => o.json.kind !== 'CustomResourceDefinition');
    const kib = (xs: typeof objs) => Math.ceil(storedEstimate(xs.map((o) => emitYaml(o.json)).join('---\n')) / 1024);
    const on = enabledExpr(e.info.name);
    lines.push(`{{- if ${on} }}{{- $kib = add $kib ${kib(rest)} }}{{- end }}`);
    if (crds.length)
      lines.push(
        `{{- if and ${on} (dig "crds" "install" true (index .Values ${JSON.stringify(e.info.name)})) }}{{- $kib = add $kib ${kib(crds)} }}{{- end }}`,
      );
  }
  lines.push(
    `{{- if and .Values.releaseSizeLimitKiB (gt $kib (int .Values.releaseSizeLimitKiB)) }}`,
    `{{- fail (printf "the enabled components make a release of about %d KiB when Helm stores it, over releaseSizeLimitKiB=%d (Helm keeps a release in one Secret of at most 1 MiB): install this platform with its install plan instead (dist/platform: helmfile apply, or the helm commands in dist/platform/README.md, which put the CRDs in kubeflow-crds releases), or disable components" $kib (int .Values.releaseSizeLimitKiB)) }}`,
    '{{- end }}',
    '',
  );
  return lines.join('\n');
}

/** A component's value as the umbrella sees it (Helm coalesces each subchart's defaults under its name). */
const componentValue =
  (name: string): ValueRef =>
  (path) =>
    valuesPath([name, ...path]);

/** The example-credential lines of one component's values in the umbrella (paths prefixed with the component). */
function exampleChecksOf(e: ComponentEntry): string[] {
  const lines = exampleCredentialsTemplate(allSpecs(e.info), componentValue(e.info.name), `${e.info.name}.`);
  return lines.length ? [`{{- if ${enabledExpr(e.info.name)} }}`, ...lines, '{{- end }}'] : [];
}
function exampleWarningOf(e: ComponentEntry): string {
  const w = exampleWarning(allSpecs(e.info), componentValue(e.info.name), `${e.info.name}.`);
  return w ? `{{- if ${enabledExpr(e.info.name)} }}\n${w}{{- end }}\n` : '';
}

/**
 * One `fail` listing every problem at once: each enabled component whose dependency is disabled and,
 * with global.requireSecureCredentials, every example credential of every enabled component.
 */
function dependencyChecks(entries: ComponentEntry[]): string {
  const known = new Set(entries.map((e) => e.info.name));
  const checks = entries.flatMap((e) =>
    (e.info.requires ?? [])
      .filter((r) => known.has(requirementName(r)))
      .map((r) => {
        const req = requirementName(r);
        const unless = typeof r === 'string' || !r.unlessGlobal ? '' : ` (not ${valuesPath(['global', ...r.unlessGlobal.split('.')])})`;
        // the subchart's defaults are merged into its section of the umbrella's values, so `when` sees them
        const when =
          typeof r === 'string' || !r.when
            ? ''
            : Object.entries(r.when)
                .map(([k, x]) => ` (eq ${valuesPath([e.info.name, ...k.split('.')])} ${JSON.stringify(x)})`)
                .join('');
        return `{{- if and ${enabledExpr(e.info.name)} (not ${enabledExpr(req)})${unless}${when} (ne .Values.global.stage "late") }}{{- $errors = append $errors ${JSON.stringify(requirementMessage(e.info.name, r))} }}{{- end }}`;
      }),
  );
  return [
    '{{- /* Generated by kubeflow-cdk8s: component dependencies and credentials, checked before anything is installed, reported at once. */}}',
    '{{- $errors := list }}',
    ...checks,
    '{{- $examples := list }}',
    ...entries.flatMap(exampleChecksOf),
    `{{- if and $examples .Values.global.requireSecureCredentials }}{{- $errors = append $errors (printf "%s %s" ${JSON.stringify(SECURE_CREDENTIALS_MESSAGE)} (join ", " $examples)) }}{{- end }}`,
    '{{- if $errors }}{{- fail (printf "kubeflow: %s" (join "; " $errors)) }}{{- end }}',
    '',
  ].join('\n');
}

/** README lines naming the components the umbrella leaves out unless enabled (`info.umbrellaDefault`). */
function offByDefault(entries: ComponentEntry[]): string[] {
  const off = entries.filter((e) => !enabledByDefault(e.info)).map((e) => e.info.name);
  if (!off.length) return [];
  return [
    `Off by default (not part of upstream's platform example): ${off.map((n) => `\`${n}\``).join(', ')}. Enable one with`,
    `\`--set <name>.enabled=true\`; the Kustomize example leaves them out too (add \`../<name>/base\` to its resources).`,
    '',
  ];
}

function umbrellaReadme(entries: ComponentEntry[]): string {
  const known = new Set(entries.map((e) => e.info.name));
  return [
    '# kubeflow',
    '',
    `The Kubeflow ${PLATFORM_VERSION} platform as one Helm chart. Every component is a subchart (charts/<name>), generated`,
    'by kubeflow-cdk8s from the same typed definition as the Kustomize example in `dist/kustomize/example`.',
    '',
    '```sh',
    'helm install kubeflow ./dist/helm/kubeflow',
    ...Object.keys(platformPresets).map((p) => `helm install kubeflow ./dist/helm/kubeflow -f ./dist/helm/kubeflow/presets/${p}.yaml`),
    'helm upgrade kubeflow ./dist/helm/kubeflow --reuse-values --set cluster-local-gateway.enabled=true   # enable another component later',
    '```',
    '',
    'Component dependencies are enforced: enabling a component whose dependency is disabled fails `helm template`/`install`',
    'with a message naming both.',
    '',
    'On a fresh cluster, install with `--set user-namespace.enabled=false` first: its Profile needs the Profile CRD, which',
    'this same release creates (Helm resolves every kind before it creates anything), then enable it with `helm upgrade`.',
    '',
    ...offByDefault(entries),
    '## Components',
    '',
    '| component | requires | description |',
    '|---|---|---|',
    ...entries.map(
      (e) =>
        `| [${e.info.name}](charts/${e.info.name}/README.md)${enabledByDefault(e.info) ? '' : ' (off by default)'} | ${(e.info.requires ?? []).map((r) => formatRequirement(r, known)).join(', ') || '–'} | ${e.info.description} |`,
    ),
    '',
    '## Presets',
    '',
    '| preset | description |',
    '|---|---|',
    ...Object.entries(platformPresets).map(([p, d]) => `| \`${p}\` | ${d.description} |`),
    '',
    '## Credentials and GitOps',
    '',
    "Some components default to upstream's well-known example credentials (Dex's example user, example client and cookie",
    'secrets). NOTES.txt lists those in use; `global.requireSecureCredentials=true` makes the chart fail listing all of them',
    'at once. The `secure` preset leaves none: no example user or profile, and credentials from Secrets you create.',
    '`generateSecret` values generate a secret only where Helm can read the cluster (`helm install`/`upgrade`); under',
    '`helm template` and GitOps renderers (Argo CD, Flux) they fail rather than produce a new secret on every sync: use',
    '`existingSecret` there. See each chart\'s README, section "Credentials and GitOps".',
    '',
    '## Global values',
    '',
    ...docsOf(globalSpecs, 'global.').map((r) => `- \`${r.path}\` (${r.type}, default \`${JSON.stringify(r.default)}\`): ${r.description}`),
    '',
  ].join('\n');
}

/** dist/kustomize/example: the platform as one kustomization over the component bases (and overlays per preset). */
export function kustomizeExample(entries: ComponentEntry[]): FileTree {
  const tree: FileTree = new Map();
  tree.set(
    'kustomization.yaml',
    kustomization({ resources: entries.filter((e) => enabledByDefault(e.info)).map((e) => `../${e.info.name}/base`) }),
  );
  for (const [name, p] of Object.entries(platformPresets)) {
    const resources = entries
      .filter((e) => (p.enable ? p.enable.includes(e.info.name) : enabledByDefault(e.info)))
      .map((e) => {
        const cp = p.componentPresets?.[e.info.name];
        return `../../../${e.info.name}/${cp ? `overlays/${cp}` : 'base'}`;
      });
    tree.set(`overlays/${name}/kustomization.yaml`, kustomization({ resources }));
  }
  return tree;
}
