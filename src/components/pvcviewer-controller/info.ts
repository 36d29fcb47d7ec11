import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'pvcviewer-controller',
  description:
    'Kubeflow PVC viewer controller: runs a file browser for a PersistentVolumeClaim per PVCViewer custom resource, with its admission webhook.',
  appVersion: 'v1.10.0',
  values,
  requires: ['cert-manager'],
  keywords: ['volumes', 'pvc'],
};
