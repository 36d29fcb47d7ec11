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
 * The proposal's user story: "install only Notebooks / Workspaces and Trainer" and "adjust CPU and
 * memory limits for Katib experiments". The notebooks subset plus Trainer (with its JobSet
 * controller and runtimes) and Katib, whose UI lives in the dashboard behind the same gateway.
 */
const notebooksTrainer: PlatformPreset = {
  description: 'Notebooks, Trainer and Katib: the notebooks subset plus Kubeflow Trainer (TrainJobs, JobSet, training runtimes) and Katib (experiments, its UI in the dashboard), with the auth layer they need.',
  enable: [...notebooks.enable!, 'katib', 'trainer'],
};

export const platformPresets: Record<string, PlatformPreset> = { notebooks, 'notebooks-trainer': notebooksTrainer };
