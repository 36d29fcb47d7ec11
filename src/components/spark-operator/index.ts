import type { ComponentEntry } from '../../core/synth.js';
import { SparkOperator } from './spark-operator.js';
import { info } from './info.js';

export { SparkOperator } from './spark-operator.js';
export const sparkOperator: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new SparkOperator(scope, id, props),
};
