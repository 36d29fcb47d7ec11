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

export const platformPresets = { notebooks } satisfies Record<string, PlatformPreset>;
/** Name of a platform preset. */
export type PlatformPresetName = keyof typeof platformPresets;
