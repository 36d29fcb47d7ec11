import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'user-namespace',
  description: 'Declarative Kubeflow profiles (user namespaces) with owners, quotas, contributors and PodDefaults.',
  appVersion: '26.03',
  values,
  requires: ['profiles'],
  keywords: ['profile', 'multi-tenancy'],
};
