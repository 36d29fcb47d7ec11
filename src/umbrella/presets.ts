/** A platform preset: which components run, and with which of their own presets. */
export interface PlatformPreset {
  readonly description: string;
  /** Components to enable; all others are disabled. Undefined = all. */
  readonly enable?: string[];
  /** Component presets to apply, by component name. */
  readonly componentPresets?: Record<string, string>;
  /** `global.*` values the preset sets (the chart's preset file; KubeflowPlatform's `global`). */
  readonly global?: Record<string, unknown>;
}

/**
 * The Alex story's first subset install: log in, get a profile, start notebooks, manage volumes
 * and tensorboards. No pipelines, Katib, KServe or Knative.
 */
const notebooks: PlatformPreset = {
  description: 'Notebooks only: dashboard, profiles, PodDefaults, notebooks, volumes and tensorboards, with the auth layer they need.',
  enable: [
    'cert-manager', 'istio-crds', 'istio-install', 'istio-namespace', 'oauth2-proxy', 'dex', 'kubeflow-namespace', 'kubeflow-roles', 'kubeflow-istio-resources',
    'centraldashboard', 'admission-webhook', 'jupyter-web-app', 'notebook-controller', 'profiles', 'pvcviewer-controller',
    'volumes-web-app', 'tensorboard-controller', 'tensorboards-web-app', 'user-namespace',
  ],
};

const notebookComponents = notebooks.enable!;

/**
 * "Values presets for secure and production-ready configurations" (KEP-831): the notebooks platform
 * without any well-known example credential, enforced by `global.requireSecureCredentials`. Every
 * credential comes from a Secret you create (GitOps-safe: nothing random is rendered), and there is no
 * example user or example profile.
 */
const secure: PlatformPreset = {
  description: 'Notebooks platform with no example credential: no example user or profile, Dex and oauth2-proxy credentials from Secrets you create (see the dex and oauth2-proxy `secure` presets), global.requireSecureCredentials on.',
  enable: notebookComponents.filter((n) => n !== 'user-namespace'),
  componentPresets: { dex: 'secure', 'oauth2-proxy': 'secure' },
  global: { requireSecureCredentials: true },
};

export const platformPresets: Record<string, PlatformPreset> = { notebooks, secure };
