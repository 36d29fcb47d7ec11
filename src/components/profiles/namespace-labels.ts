import { exprOf } from '../../core/conditions.js';
import { go } from '../../core/expr.js';
import { sentinel, Token } from '../../core/tokens.js';

/** Labels the profile controller puts on every profile namespace, as Kubeflow 26.03 sets them. */
export const defaultNamespaceLabels: Record<string, string> = {
  'katib.kubeflow.org/metrics-collector-injection': 'enabled',
  'serving.kubeflow.org/inferenceservice': 'enabled',
  'pipelines.kubeflow.org/enabled': 'true',
  'app.kubernetes.io/part-of': 'kubeflow-profile',
  'pod-security.kubernetes.io/enforce': 'baseline',
};

/** Label keys and values (empty: remove the label); with these, JSON text needs no escapes. */
export const LABEL_KEY_PATTERN =
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$';
export const LABEL_VALUE_PATTERN = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';

// Our own header (upstream's file carries a longer comment of its own; see info.deviations).
const HEADER = [
  '# Labels the profile controller sets on each profile namespace (generated from the chart values).',
  '# `key: "value"` adds a label unless the namespace already has that key; `key: ""` removes it.',
  '# To change the value of a label already set: remove it, deploy, then add it with the new value.',
].join('\n');

/**
 * The controller's namespace-labels.yaml: a header and one `key: "value"` line per label, sorted by
 * key (Helm iterates maps in key order, so both outputs agree). In charts the lines come from the
 * map's JSON text, which the key/value patterns keep free of escapes and separators.
 */
export function namespaceLabelsYaml(labels: Record<string, string>): string {
  return `${HEADER}\n${labelLines(labels)}`;
}

function labelLines(labels: Record<string, string>): string {
  if (labels instanceof Token) {
    const map = go(exprOf(labels));
    const pairs = `replace "\\",\\"" "\\"\\n\\"" (trimSuffix "}" (trimPrefix "{" (toJson ${map})))`;
    return sentinel({
      k: 'raw',
      go: `printf "%s\\n" (regexReplaceAll "(?m)^\\"([^\\"]*)\\":" (${pairs}) "\${1}: ") | trimPrefix "\\n"`,
      type: 'string',
    });
  }
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}: ${JSON.stringify(labels[k])}\n`)
    .join('');
}
