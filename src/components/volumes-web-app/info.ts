import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'volumes-web-app',
  description:
    'Kubeflow Volumes web app: manages PersistentVolumeClaims in profile namespaces and opens file-browser viewers on them, behind the Istio gateway.',
  appVersion: 'v1.10.0',
  values,
  requires: ['pvcviewer-controller', 'profiles', 'centraldashboard'],
  keywords: ['volumes', 'web-app'],
  deviations: [
    {
      object: 'ConfigMap/volumes-web-app-viewer-spec',
      reason:
        "viewer-spec.yaml is generated from typed values (`viewer.*`) as JSON (valid YAML, which the web app parses) with a one-line header; upstream's comments are not carried over. The parsed document equals upstream's, the text (and so the hash suffix) differs.",
    },
  ],
};
