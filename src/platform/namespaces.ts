import type { FileTree } from '../core/files.js';
import { chartYaml, objectTemplate } from '../core/helm/chart.js';
import type { SynthObject } from '../core/objects.js';
import { synthDefaults, type ComponentEntry } from '../core/synth.js';
import { PLATFORM_VERSION } from '../umbrella/chart.js';
import { switchValuesSchema, switchValuesYaml, type SwitchValues } from './switch-values.js';

/**
 * `kubeflow-namespaces`: the first release of every install plan. Helm stores a release in its
 * namespace and refuses to adopt a Namespace that exists without its ownership marks, so no release
 * may both be stored in a namespace and create it. This chart creates the namespaces of the
 * platform's components (with the labels and annotations they give them), each switched by
 * `<component>.enabled`; the other releases run with `global.createNamespaces=false`.
 */
export const NAMESPACES_CHART = 'kubeflow-namespaces';

export interface ComponentNamespaces {
  readonly component: string;
  readonly objects: SynthObject[];
}

/** The Namespace objects of each component (default values). */
export function namespacesOf(entries: ComponentEntry[]): ComponentNamespaces[] {
  return entries
    .map((e) => ({ component: e.info.name, objects: synthDefaults(e).objects.filter((o) => o.json.kind === 'Namespace') }))
    .filter((c) => c.objects.length);
}

const enabledExpr = (component: string) => ({
  k: 'raw' as const,
  go: `(index .Values ${JSON.stringify(component)}).enabled`,
  type: 'boolean' as const,
});

export function namespacesChartTree(parts: ComponentNamespaces[]): FileTree {
  const tree: FileTree = new Map();
  const names = parts.map((p) => p.component);
  tree.set(
    'Chart.yaml',
    chartYaml({
      name: NAMESPACES_CHART,
      description:
        'Every namespace of the Kubeflow platform, created first by the install plan so that the other releases can be stored in them.',
      appVersion: PLATFORM_VERSION,
      keywords: ['namespace'],
    }),
  );
  tree.set('.helmignore', '.DS_Store\n*.tgz\n');
  const values: SwitchValues = {
    objects: 'every namespace',
    globals: [['createNamespaces', 'true', 'Create the namespaces (always on in this chart).', { type: 'boolean' }]],
    components: names,
    sectionDoc: (c) => `Namespaces of ${c}.`,
    switchDoc: (c) => `Create the namespaces of ${c}.`,
  };
  tree.set('values.yaml', switchValuesYaml(values));
  tree.set('values.schema.json', switchValuesSchema(values));
  tree.set('templates/NOTES.txt', 'Kubeflow namespaces (chart {{ .Chart.Version }}). Install the other releases of the plan next.\n');
  tree.set(
    'README.md',
    [
      `# ${NAMESPACES_CHART}`,
      '',
      'The namespaces of the Kubeflow components, with the labels (Pod Security, Istio injection) and annotations the',
      'components give them. The install plan (`dist/platform`) installs this chart first; every other release runs with',
      '`global.createNamespaces=false` and is stored in a namespace that already exists.',
      '',
      '```sh',
      `helm upgrade --install ${NAMESPACES_CHART} ./dist/helm/${NAMESPACES_CHART} --namespace default`,
      '```',
      '',
      '| value | default | namespaces |',
      '|---|---|---|',
      ...parts.map(
        (p) => `| \`${p.component}.enabled\` | \`true\` | ${p.objects.map((o) => (o.json.metadata as { name: string }).name).join(', ')} |`,
      ),
      '',
    ].join('\n'),
  );
  for (const p of parts) {
    for (const o of p.objects)
      tree.set(`templates/${p.component}/${o.file}.yaml`, objectTemplate({ ...o, conditions: [enabledExpr(p.component)] }));
  }
  return tree;
}
