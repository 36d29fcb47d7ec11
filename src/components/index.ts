import type { ComponentEntry } from '../core/synth.js';
import { authComponents } from './group-auth.js';
import { controllerComponents } from './group-controllers.js';
import { platformComponents } from './group-platform.js';
import { webappComponents } from './group-webapps.js';

/** Upstream's example/kustomization.yaml order; components not listed sort last by name. */
const UPSTREAM_ORDER = [
  'cert-manager', 'istio-crds', 'istio-namespace', 'istio-install', 'oauth2-proxy', 'dex', 'knative-serving',
  'cluster-local-gateway', 'kubeflow-namespace', 'kubeflow-roles', 'kubeflow-istio-resources', 'pipelines', 'katib',
  'centraldashboard', 'admission-webhook', 'jupyter-web-app', 'notebook-controller', 'profiles', 'pvcviewer-controller',
  'volumes-web-app', 'tensorboard-controller', 'tensorboards-web-app', 'trainer', 'user-namespace', 'kserve',
  'kserve-models-web-app', 'spark-operator',
];
const rank = (n: string) => (UPSTREAM_ORDER.includes(n) ? UPSTREAM_ORDER.indexOf(n) : UPSTREAM_ORDER.length);

/** Every component. Each group file is owned by one area, so they can grow independently. */
export const components: ComponentEntry[] = [...platformComponents, ...authComponents, ...webappComponents, ...controllerComponents]
  .sort((a, b) => rank(a.info.name) - rank(b.info.name) || a.info.name.localeCompare(b.info.name));

export const componentByName = (name: string): ComponentEntry => {
  const c = components.find((x) => x.info.name === name);
  if (!c) throw new Error(`no component '${name}'; known: ${components.map((x) => x.info.name).join(', ')}`);
  return c;
};

export { CentralDashboard } from './centraldashboard/index.js';
