import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IHelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2beta2/HelmRelease';
import type { IGitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import type { IHelmRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1beta2/HelmRepository';
import type { InstallPlan, Release } from './plan.js';

/** Where GitOps tools find the generated charts: a Git repository holding this project's dist/ (or a copy). */
export interface PlanSource {
  readonly repoURL: string;
  readonly revision: string;
  /** Path of the dist/ folder inside that repository. */
  readonly distPath: string;
}
/** A placeholder to replace (`kubeflow-cdk8s synth --repo-url …` writes the real one). */
export const DEFAULT_SOURCE: PlanSource = { repoURL: 'https://git.example.com/platform/kubeflow.git', revision: 'main', distPath: 'dist' };

const GITOPS_NAMESPACE = { argocd: 'argocd', flux: 'flux-system' };

/** helmfile.yaml: `helmfile apply` installs the plan in order (`needs`), waiting for each release. */
export function helmfile(plan: InstallPlan, chartsDir: string): Record<string, unknown> {
  const repos = uniqueRepositories(plan.releases);
  return {
    ...(repos.length ? { repositories: repos } : {}),
    helmDefaults: { wait: true, waitForJobs: true, timeout: 900, createNamespace: true },
    releases: plan.releases.map((r) => ({
      name: r.name,
      namespace: r.namespace,
      chart: `${chartsDir}/${r.chart}`,
      values: [`values/${r.name}.yaml`],
      ...(r.needs.length ? { needs: r.needs.map((n) => `${releaseNamed(plan, n).namespace}/${n}`) } : {}),
    })),
  };
}

const releaseNamed = (plan: InstallPlan, name: string): Release => plan.releases.find((r) => r.name === name)!;

function uniqueRepositories(releases: Release[]): { name: string; url: string }[] {
  const out = new Map<string, { name: string; url: string }>();
  for (const r of releases) for (const repo of r.repositories) out.set(repo.url, repo);
  return [...out.values()];
}

/** Webhook CA bundles are injected at run time (cert-manager, Istio): Argo CD must not revert them. */
const webhookIgnores = [
  {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  },
  {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle', '.webhooks[]?.failurePolicy'],
  },
  {
    group: 'apiextensions.k8s.io',
    kind: 'CustomResourceDefinition',
    jqPathExpressions: ['.spec.conversion.webhook.clientConfig.caBundle'],
  },
];

/** One Argo CD Application per release, sync waves in plan order. */
export function argoApplications(plan: InstallPlan, src: PlanSource, prefix: string): IApplication[] {
  return plan.releases.map((r, i) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `${prefix}${r.name}`,
      namespace: GITOPS_NAMESPACE.argocd,
      annotations: { 'argocd.argoproj.io/sync-wave': String(i) },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: 'default',
      source: {
        repoURL: src.repoURL,
        targetRevision: src.revision,
        path: `${src.distPath}/helm/${r.chart}`,
        helm: { releaseName: r.name, valuesObject: r.values },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: r.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true', ...(r.serverSideApply ? ['ServerSideApply=true'] : []), 'RespectIgnoreDifferences=true'],
        retry: { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
      },
      ignoreDifferences: webhookIgnores,
    },
  }));
}

/** The app of apps: one Application that syncs the folder of per-release Applications. */
export function argoRoot(src: PlanSource, appsPath: string, name: string): IApplication {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: GITOPS_NAMESPACE.argocd },
    spec: {
      project: 'default',
      source: { repoURL: src.repoURL, targetRevision: src.revision, path: appsPath },
      destination: { server: 'https://kubernetes.default.svc', namespace: GITOPS_NAMESPACE.argocd },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  };
}

/** Flux: the Git source, the upstream chart repositories, and one HelmRelease per release with dependsOn. */
export function fluxObjects(plan: InstallPlan, src: PlanSource, prefix: string): (IGitRepository | IHelmRepository | IHelmRelease)[] {
  const git: IGitRepository = {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: `${prefix}source`, namespace: GITOPS_NAMESPACE.flux },
    spec: { url: src.repoURL, ref: { branch: src.revision }, interval: '10m' },
  };
  const repos: IHelmRepository[] = uniqueRepositories(plan.releases).map((r) => ({
    apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
    kind: 'HelmRepository',
    metadata: { name: r.name, namespace: GITOPS_NAMESPACE.flux },
    spec: { url: r.url, interval: '1h' },
  }));
  const releases: IHelmRelease[] = plan.releases.map((r) => ({
    apiVersion: 'helm.toolkit.fluxcd.io/v2beta2',
    kind: 'HelmRelease',
    metadata: { name: `${prefix}${r.name}`, namespace: GITOPS_NAMESPACE.flux },
    spec: {
      releaseName: r.name,
      targetNamespace: r.namespace,
      storageNamespace: r.namespace,
      interval: '30m',
      timeout: '15m',
      chart: {
        spec: {
          chart: `./${src.distPath}/helm/${r.chart}`,
          sourceRef: { kind: 'GitRepository', name: `${prefix}source` },
          reconcileStrategy: 'Revision',
        },
      },
      install: { createNamespace: true, crds: 'CreateReplace', remediation: { retries: 3 } },
      upgrade: { crds: 'CreateReplace', remediation: { retries: 3 } },
      ...(r.needs.length ? { dependsOn: r.needs.map((n) => ({ name: `${prefix}${n}` })) } : {}),
      ...(Object.keys(r.values).length ? { values: r.values } : {}),
    },
  }));
  return [git, ...repos, ...releases];
}

/** The plain `helm` sequence (no helmfile, Argo CD or Flux needed), run from the folder of dist/. */
export function helmCommands(plan: InstallPlan, valuesDir: string): string[] {
  const deps = plan.releases.filter((r) => r.repositories.length);
  return [
    ...uniqueRepositories(plan.releases).map((r) => `helm repo add ${r.name} ${r.url}`),
    ...deps.map((r) => `helm dependency build dist/helm/${r.chart}`),
    ...plan.releases.map(
      (r) =>
        `helm upgrade --install ${r.name} dist/helm/${r.chart} --namespace ${r.namespace} --create-namespace -f ${valuesDir}/${r.name}.yaml --wait --timeout 15m`,
    ),
  ];
}
