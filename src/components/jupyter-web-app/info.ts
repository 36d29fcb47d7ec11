import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'jupyter-web-app',
  description:
    'Kubeflow Notebooks web app (Jupyter web app): the spawner form and list of notebook servers in profile namespaces, behind the Istio gateway.',
  appVersion: 'v1.10.0',
  values,
  requires: ['notebook-controller', 'profiles', 'centraldashboard'],
  keywords: ['jupyter', 'notebooks', 'web-app'],
  deviations: [
    {
      object: 'ConfigMap/jupyter-web-app-logos',
      reason:
        "Upstream's logo files (JupyterLab artwork and digit placeholders) are not carried over: the defaults are simple icons drawn for this project (a notebook page, the digits 1 and 2), same file names; the `logos` value supplies any other artwork.",
    },
    {
      object: 'ConfigMap/jupyter-web-app-config',
      reason:
        "spawner_ui_config.yaml is generated from the typed values `spawnerFormDefaults.*` as JSON (valid YAML, which the web app parses) with a one-line header; upstream's explanatory comments are not carried over (the value descriptions in README.md document each setting). The parsed document equals upstream's, the text (and so the hash suffix) differs.",
    },
  ],
};
