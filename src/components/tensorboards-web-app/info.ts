import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'tensorboards-web-app',
  description: 'Kubeflow TensorBoards web app: creates and lists TensorBoard servers in profile namespaces, behind the Istio gateway.',
  appVersion: 'v1.10.0',
  values,
  requires: ['tensorboard-controller', 'profiles', 'centraldashboard'],
  keywords: ['tensorboard', 'web-app'],
};
