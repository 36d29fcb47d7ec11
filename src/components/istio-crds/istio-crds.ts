import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { info } from './info.js';
import type { values } from './values.js';

/**
 * Istio's CRDs, from Istio's `base` chart (a dependency, values under `base`). Kubeflow adds no
 * objects of its own here: everything comes from the chart, configured by values.
 */
export class IstioCrds extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
  }
}
