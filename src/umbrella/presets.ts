/** A platform preset: which components run, and with which of their own presets. */
export interface PlatformPreset {
  readonly description: string;
  /** Components to enable; all others are disabled. Undefined = all. */
  readonly enable?: string[];
  /** Component presets to apply, by component name. */
  readonly componentPresets?: Record<string, string>;
}

/**
 * The Alex story's first subset install: log in, get a profile, start notebooks, manage volumes
 * and tensorboards. No pipelines, Katib, KServe or Knative.
 */
const notebooks: PlatformPreset = {
  description: 'Notebooks only: dashboard, profiles, PodDefaults, notebooks, volumes and tensorboards, with the auth layer they need.',
  enable: [
    'istio-namespace', 'oauth2-proxy', 'dex', 'kubeflow-namespace', 'kubeflow-roles', 'kubeflow-istio-resources',
    'centraldashboard', 'admission-webhook', 'jupyter-web-app', 'notebook-controller', 'profiles', 'pvcviewer-controller',
    'volumes-web-app', 'tensorboard-controller', 'tensorboards-web-app', 'user-namespace',
  ],
};

/**
 * The proposal's edge user who "only wants to run KServe for inferencing": KServe in raw deployment
 * mode (no Knative Serving, no Istio) with small resources. cert-manager, which issues KServe's
 * webhook certificates, is installed from its own chart before this release.
 */
const servingEdge: PlatformPreset = {
  description: 'KServe only, for inferencing on an edge device: raw deployments, small resources, nothing else (install cert-manager first).',
  enable: ['kserve'],
  componentPresets: { kserve: 'edge' },
};

export const platformPresets: Record<string, PlatformPreset> = { notebooks, 'serving-edge': servingEdge };
