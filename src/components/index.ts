import type { ComponentEntry } from '../core/synth.js';
import { wrapsUpstreamCharts } from '../core/upstream.js';
import * as registry from './registry.js';

/**
 * Upstream's example/kustomization.yaml order (a fact of kubeflow/manifests 26.03): the platform
 * installs and lists components in this order; components that are not upstream entries sort last by name.
 */
export const platformOrder = [
  'cert-manager',
  'istio-crds',
  'istio-namespace',
  'istio-cni', // part of upstream's istio-install entry, installed before the rest of it
  'istio-install',
  'oauth2-proxy',
  'dex',
  'knative-serving',
  'cluster-local-gateway',
  'kubeflow-namespace',
  'kubeflow-roles',
  'kubeflow-istio-resources',
  'pipelines',
  'katib',
  'centraldashboard',
  'admission-webhook',
  'jupyter-web-app',
  'notebook-controller',
  'profiles',
  'pvcviewer-controller',
  'volumes-web-app',
  'tensorboard-controller',
  'tensorboards-web-app',
  'trainer',
  'user-namespace',
  'kserve',
  'kserve-models-web-app',
  'spark-operator',
];
const rank = (n: string) => (platformOrder.includes(n) ? platformOrder.indexOf(n) : platformOrder.length);

const isEntry = (x: unknown): x is ComponentEntry =>
  typeof x === 'object' && x !== null && 'info' in x && typeof (x as ComponentEntry).create === 'function';

/** Every registered component, in platform order. */
export const components: ComponentEntry[] = Object.values(registry)
  .filter(isEntry)
  .sort((a, b) => rank(a.info.name) - rank(b.info.name) || a.info.name.localeCompare(b.info.name));

/**
 * The components the `kubeflow` umbrella chart vendors as subcharts (and the Kustomize example and
 * KubeflowPlatform compose): all but those wrapping upstream charts, which are separate releases.
 */
export const umbrellaComponents: ComponentEntry[] = components.filter((c) => !wrapsUpstreamCharts(c.info));

export const componentByName = (name: string): ComponentEntry => {
  const c = components.find((x) => x.info.name === name);
  if (!c) throw new Error(`no component '${name}'; known: ${components.map((x) => x.info.name).join(', ')}`);
  return c;
};

export * from './registry.js';
