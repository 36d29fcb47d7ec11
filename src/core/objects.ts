import { ApiObject, App, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { conditionsOf } from './conditions.js';
import { isLate } from './stages.js';
import type { Expr } from './expr.js';

/** One synthesized object: its JSON, where it sits in the construct tree, and (symbolic) its conditions. */
export interface SynthObject {
  /** Stable file stem from the construct path below the component, e.g. `crds/poddefaults`. */
  readonly file: string;
  readonly json: Record<string, unknown>;
  readonly conditions: Expr[];
  /** Built with `late(…)` (src/core/stages.ts). */
  readonly late?: boolean;
}

export const objectKey = (o: Record<string, any>): string => `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

export function apiObjectsOf(root: Construct): ApiObject[] {
  return root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
}

/** File stem for an object: construct ids below `root`, lower-cased, conditions scopes included. */
export function fileOf(root: Construct, obj: ApiObject): string {
  const ids = obj.node.scopes.slice(root.node.scopes.length).map((s) => s.node.id);
  return ids.map((id) => id.replace(/[^A-Za-z0-9.-]+/g, '-').toLowerCase()).join('/');
}

export function collect(root: Construct, toJson: (o: ApiObject) => Record<string, unknown>): SynthObject[] {
  const objs = apiObjectsOf(root).map((o) => ({ file: fileOf(root, o), json: toJson(o), conditions: conditionsOf(o), late: isLate(o) }));
  const seen = new Set<string>();
  for (const o of objs) {
    if (seen.has(o.file)) throw new Error(`two objects map to the file '${o.file}'`);
    seen.add(o.file);
  }
  return objs;
}

/** A throwaway app + chart to build a component in. */
export function scratchChart(context: Record<string, unknown> = {}, resolvers: App['resolvers'] = []): Chart {
  const app = new App({ outdir: '/nonexistent', resolvers: [...resolvers] });
  for (const [k, x] of Object.entries(context)) app.node.setContext(k, x);
  return new Chart(app, 'kubeflow', { disableResourceNameHashes: true });
}
