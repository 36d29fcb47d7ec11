import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { info } from './info.js';
import type { values } from './values.js';

/**
 * istio-cni, Istio's CNI node agent, from Istio's `cni` chart (a dependency, values under `cni`), as
 * its own release in kube-system: Istio's charts place every object in the release namespace, and
 * Kubeflow runs the agent in kube-system. Kubeflow adds no objects of its own here.
 */
export class IstioCni extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
  }
}
