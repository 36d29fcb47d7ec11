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
    'cert-manager',
    'istio-crds',
    'istio-cni',
    'istio-install',
    'istio-namespace',
    'oauth2-proxy',
    'dex',
    'kubeflow-namespace',
    'kubeflow-roles',
    'kubeflow-istio-resources',
    'centraldashboard',
    'admission-webhook',
    'jupyter-web-app',
    'notebook-controller',
    'profiles',
    'pvcviewer-controller',
    'volumes-web-app',
    'tensorboard-controller',
    'tensorboards-web-app',
    'user-namespace',
  ],
};

/**
 * The proposal's user story: "install only Notebooks / Workspaces and Trainer" and "adjust CPU and
 * memory limits for Katib experiments". The notebooks subset plus Trainer (with its JobSet
 * controller and runtimes) and Katib, whose UI lives in the dashboard behind the same gateway.
 */
const notebooksTrainer: PlatformPreset = {
  description:
    'Notebooks, Trainer and Katib: the notebooks subset plus Kubeflow Trainer (TrainJobs, JobSet, training runtimes) and Katib (experiments, its UI in the dashboard), with the auth layer they need.',
  enable: [...notebooks.enable!, 'katib', 'trainer'],
};

const notebookComponents = notebooks.enable!;

/**
 * "Values presets for secure and production-ready configurations" (KEP-831): the notebooks platform
 * without any well-known example credential, enforced by `global.requireSecureCredentials`. Every
 * credential comes from a Secret you create (GitOps-safe: nothing random is rendered), and there is no
 * example user or example profile.
 */
const secure: PlatformPreset = {
  description:
    'Notebooks platform with no example credential: no example user or profile, Dex and oauth2-proxy credentials from Secrets you create (see the dex and oauth2-proxy `secure` presets), global.requireSecureCredentials on.',
  enable: notebookComponents.filter((n) => n !== 'user-namespace'),
  componentPresets: { dex: 'secure', 'oauth2-proxy': 'secure' },
  global: { requireSecureCredentials: true },
};

/**
 * The proposal's edge user who "only wants to run KServe for inferencing": KServe in raw deployment
 * mode (no Knative Serving, no Istio) with small resources. cert-manager, which issues KServe's
 * webhook certificates, is installed from its own chart before this release.
 */
const servingEdge: PlatformPreset = {
  description:
    'KServe only, for inferencing on an edge device: raw deployments, small resources, nothing else (cert-manager, which issues its webhook certificates, is installed first by the plan).',
  enable: ['cert-manager', 'kserve'],
  componentPresets: { kserve: 'edge' },
};

export const platformPresets = { notebooks, 'notebooks-trainer': notebooksTrainer, 'serving-edge': servingEdge, secure } satisfies Record<
  string,
  PlatformPreset
>;
/** Name of a platform preset. */
export type PlatformPresetName = keyof typeof platformPresets;
