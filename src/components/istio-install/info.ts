import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

const ISTIO_CHARTS = 'https://istio-release.storage.googleapis.com/charts';

export const info: ComponentInfo<typeof values> = {
  name: 'istio-install',
  description:
    "Istio 1.29 for Kubeflow from Istio's upstream charts (istiod, cni, gateway, ztunnel, base), with the oauth2-proxy ext-authz provider, the ingress gateway and Gateway Kubeflow's routes use, deny-by-default AuthorizationPolicies and Sidecar limits.",
  appVersion: '1.29.0',
  values,
  keywords: ['istio', 'service-mesh', 'gateway'],
  requires: ['istio-crds'],
  parityMinimum: {
    share: 0.72,
    reason:
      'Below the 80 % the issue asks: the istio-cni objects land in the release namespace (one Helm release shares one namespace; istioctl puts them in kube-system), and the gateway, istiod and injector ConfigMaps come from the published charts rather than istioctl. Every differing object is declared.',
  },
  release: { name: 'istio', namespace: 'istio-system' },
  upstreamCharts: [
    { name: 'base', version: '1.29.0', repository: ISTIO_CHARTS, alias: 'base' },
    { name: 'istiod', version: '1.29.0', repository: ISTIO_CHARTS, alias: 'istiod' },
    { name: 'cni', version: '1.29.0', repository: ISTIO_CHARTS, alias: 'cni', condition: 'cni.enabled' },
    { name: 'ztunnel', version: '1.29.0', repository: ISTIO_CHARTS, alias: 'ztunnel', condition: 'ztunnel.enabled' },
    { name: 'gateway', version: '1.29.0', repository: ISTIO_CHARTS, alias: 'gateway' },
  ],
  rbacWildcards: [
    {
      role: 'ClusterRole/istiod-clusterrole-istio-system',
      reason: 'istiod reads every Istio and Gateway API resource (resources *) and updates ingress status (verbs *), as upstream.',
    },
    {
      role: 'ClusterRole/istio-reader-clusterrole-istio-system',
      reason: 'Read access to every Istio resource (resources *) for multi-cluster readers, as upstream.',
    },
  ],
  securityExceptions: [
    {
      workload: 'DaemonSet/istio-cni-node',
      reason:
        'Node agent: istio-cni installs the CNI plugin on the host and sets up pod networking (host paths, privileged, NET_ADMIN), as upstream ships it.',
    },
    {
      workload: 'DaemonSet/ztunnel',
      reason: 'Node agent of ambient mode: ztunnel enters pod network namespaces (NET_ADMIN, SYS_ADMIN, host paths), as upstream ships it.',
    },
  ],
  deviations: [
    {
      object: 'images (global.tag of every Istio chart)',
      reason:
        'Not a difference from Kubeflow 26.03 but worth knowing: it runs the 1.29.0 charts with 1.28.0 images (`tag: 1.28.0`), and so do these defaults; upstream fixed this mismatch later. Set the top-level `global.tag` (reaches every Istio chart) to run 1.29.0 images.',
    },
    {
      object: "metadata.labels of the Istio charts' objects",
      reason:
        "Istio's charts label their objects with the release and chart; Kubeflow 26.03 renders Istio with istioctl, whose labels name the operator component (install.operator.istio.io/owning-resource, operator.istio.io/component).",
    },
    {
      object: 'ServiceAccount/istio-cni',
      reason:
        "istio-cni runs in the release namespace (istio-system), as Istio's Helm install does: the charts of one Helm release share its namespace, so it cannot go to kube-system as istioctl puts it.",
    },
    {
      object: 'ConfigMap/istio-cni-config',
      reason: 'In the release namespace (istio-system) instead of kube-system, like the istio-cni DaemonSet.',
    },
    {
      object: 'DaemonSet/istio-cni-node',
      reason: 'In the release namespace (istio-system) instead of kube-system (one Helm release, one namespace).',
    },
    {
      object: 'ClusterRoleBinding/istio-cni',
      reason: 'Binds the istio-cni ServiceAccount in the release namespace (istio-system), not kube-system.',
    },
    {
      object: 'ClusterRoleBinding/istio-cni-repair-rolebinding',
      reason: 'Binds the istio-cni ServiceAccount in the release namespace (istio-system), not kube-system.',
    },
    {
      object: 'ClusterRole/istio-cni',
      reason:
        'Ambient preset: the published cni chart adds pods/status for ambient; istioctl 1.29 does not. Insecure preset: istioctl keeps the CNI RBAC, ConfigMap and ServiceAccount without the DaemonSet; here cni.enabled=false leaves out all of istio-cni.',
    },
    {
      object: 'ClusterRole/istio-cni-repair-role',
      reason: 'Insecure preset: left out with the rest of istio-cni (cni.enabled=false); istioctl keeps it.',
    },
    {
      object: 'ConfigMap/istio',
      reason:
        "Mesh config from the istiod chart: it names Prometheus as the default metrics provider explicitly (`defaultProviders.metrics: [prometheus]`, Istio's built-in default) where istioctl's render leaves it implicit; every other setting is the same.",
    },
    {
      object: 'ConfigMap/istio-sidecar-injector',
      reason:
        "Its `values` document is the chart's values as Helm sees them (including the shared `global` of this chart); istioctl writes its own profile values (proxy resources, seccomp, tag of the injected proxies). The injection templates are the same.",
    },
    {
      object: 'ConfigMap/values',
      reason:
        "istiod records the values it was rendered with; Helm's values (typed defaults here, shared `global`) are not istioctl's profile values.",
    },
    {
      object: 'Deployment/istiod',
      reason:
        "The environment variables of `istiod.env` come after the chart's own ones (istioctl's embedded chart puts them first); same variables and values.",
    },
    {
      object: 'Deployment/istio-ingressgateway',
      reason:
        "The published `gateway` chart uses Istio's gateway injection template (image `auto`, the proxy filled in at admission) instead of istioctl's full pod spec.",
    },
    { object: 'ClusterRole/istio-cni-ambient', reason: 'Ambient preset: the published cni chart adds this role for ambient redirection.' },
    { object: 'ClusterRoleBinding/istio-cni-ambient', reason: 'Ambient preset: binds istio-cni-ambient (published cni chart).' },
  ],
  presets: {
    insecure: {
      description:
        'Without istio-cni (sidecars use init containers), with the namespaces and NetworkPolicies of a standalone install (upstream overlays/insecure).',
      values: {
        istiod: { cni: { enabled: false } },
        cni: { enabled: false },
        networkPolicies: { enabled: true },
        namespaces: [
          { name: 'auth', istioInjection: 'enabled', podSecurity: 'privileged' },
          { name: 'istio-system', istioInjection: 'disabled', operatorManaged: 'Reconcile', podSecurity: 'privileged' },
          { name: 'knative-serving', istioInjection: 'enabled', podSecurity: 'privileged' },
          { name: 'kubeflow', controlPlane: 'kubeflow', istioInjection: 'enabled', podSecurity: 'privileged' },
          { name: 'kubeflow-user-example-com', istioInjection: 'enabled', podSecurity: 'privileged' },
          { name: 'oauth2-proxy', podSecurity: 'privileged' },
        ],
      },
    },
    gke: {
      description: 'GKE: the CNI binaries live in /home/kubernetes/bin (upstream overlays/gke).',
      values: { cni: { cniBinDir: '/home/kubernetes/bin' } },
    },
    'ambient-oauth2-proxy': {
      description:
        'Ambient mode: ztunnel and ambient redirection in istio-cni, the kubeflow namespace in the ambient data plane (upstream overlays/ambient-oauth2-proxy).',
      values: {
        ztunnel: { enabled: true },
        cni: { ambient: { enabled: true } },
        istiod: { env: { PILOT_ENABLE_AMBIENT: 'true' } },
        namespaces: [
          { name: 'istio-system', podSecurity: 'privileged' },
          { name: 'kubeflow', dataplaneMode: 'ambient' },
        ],
      },
    },
  },
};
