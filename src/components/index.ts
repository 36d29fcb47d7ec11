import type { ComponentEntry } from '../core/synth.js';
import { upstreamOf } from '../core/component.js';
import { wrapsUpstreamCharts } from '../core/upstream.js';
import * as registry from './registry.js';

/**
 * Upstream's example/kustomization.yaml order (a fact of kubeflow/manifests 26.03): the platform
 * installs and lists components in this order. A component that is part of another entry
 * (`info.upstream.entry`, e.g. istio-cni of istio-install) takes that entry's place, by name among
 * its parts; components that are not upstream entries sort last by name.
 */
export const platformOrder = [
  'cert-manager',
  'istio-crds',
  'istio-namespace',
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
const rank = (e: ComponentEntry) => {
  const entry = upstreamOf(e.info)?.entry ?? e.info.name;
  return platformOrder.includes(entry) ? platformOrder.indexOf(entry) : platformOrder.length;
};

const isEntry = (x: unknown): x is ComponentEntry =>
  typeof x === 'object' && x !== null && 'info' in x && typeof (x as ComponentEntry).create === 'function';

/** Every registered component, in platform order. */
export const components: ComponentEntry[] = Object.values(registry)
  .filter(isEntry)
  .sort((a, b) => rank(a) - rank(b) || a.info.name.localeCompare(b.info.name));

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
