/** Exit codes of `kubeflow-cdk8s`, one meaning each. */
export const EXIT = {
  ok: 0,
  /** check or diff found what they look for (failures, differences). */
  findings: 1,
  /** Bad command line, file or values: nothing was done. */
  usage: 2,
  /** diff: only the declared deviations differ. */
  declaredOnly: 3,
  /** A tool (helm, kubectl) is missing or failed. */
  tool: 4,
} as const;

/** An error in what the user gave (arguments, files, values): printed without a stack trace, exit 2. */
export class UsageError extends Error {}
