import { Construct } from 'constructs';
import { CONDITION_KEY, eq, exprOf, isSymbolic, not } from './conditions.js';

/**
 * Install stages. Some objects can only be applied once their own component runs: a custom resource
 * its own validating webhook checks (Trainer's runtimes, Knative's routing certificate). A component
 * builds them with `late(…)`; `global.stage` then picks what a release renders: `all` (default, one
 * release, as upstream), `main` (everything but late objects) or `late` (only them). The install plan
 * applies `main` first and `late` once the first release is ready.
 */
export const LATE_KEY = 'kubeflow-cdk8s/late';
export const STAGES = ['all', 'main', 'late'] as const;
export type Stage = (typeof STAGES)[number];

/** Builds objects that need their own component running (see above). */
export function late(scope: Construct, id: string, stage: Stage, build: (scope: Construct) => void): void {
  const inner = new Construct(scope, id);
  inner.node.addMetadata(LATE_KEY, true);
  if (isSymbolic(stage)) {
    inner.node.addMetadata(CONDITION_KEY, exprOf(not(eq(stage, 'main'))));
    build(inner);
  } else if (stage !== 'main') {
    build(inner);
  }
}

/** Whether a construct sits in a `late` scope. */
export const isLate = (c: Construct): boolean => c.node.scopes.some((s) => s.node.metadata.some((m) => m.type === LATE_KEY));
