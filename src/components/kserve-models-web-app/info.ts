import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'kserve-models-web-app',
  description: 'KServe models web app: lists, creates and deletes InferenceServices in profile namespaces, behind the Istio gateway.',
  appVersion: '0.16.1',
  values,
  // The UI manages KServe's resources, lives in the dashboard and acts in profile namespaces.
  requires: ['kserve', 'centraldashboard', 'profiles'],
  keywords: ['kserve', 'serving', 'web-app'],
};
