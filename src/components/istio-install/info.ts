import type { ComponentInfo } from '../../core/component.js';
import { istioChart, ISTIO_IMAGE_HUBS, ISTIO_VERSION } from '../../lib/istio-charts.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'istio-install',
  description:
    "Istio 1.29 for Kubeflow from Istio's upstream charts (istiod, gateway, ztunnel, base), with the oauth2-proxy ext-authz provider, the ingress gateway and Gateway Kubeflow's routes use, deny-by-default AuthorizationPolicies and Sidecar limits. The istio-cni node agent of the same upstream entry is the istio-cni component (its own release, in kube-system).",
  appVersion: ISTIO_VERSION,
  values,
  keywords: ['istio', 'service-mesh', 'gateway'],
  requires: ['istio-crds', { component: 'istio-cni', when: { 'istiod.cni.enabled': true } }],
  parityMinimum: {
    share: 0.85,
    reason:
      "Measured with istio-cni (one upstream entry) and ignoring objects' own labels, every preset matches 85–87 % of upstream's objects (issue 7 asks 80 %): the gateway, the injector's and istiod's recorded values and istiod's environment order come from the published charts rather than istioctl, and istio-cni's pods name their own release. Every differing object is declared.",
  },
  release: { name: 'istio', namespace: 'istio-system' },
  upstreamCharts: [
    istioChart('base'),
    istioChart('istiod', { imageHubs: ISTIO_IMAGE_HUBS }),
    istioChart('ztunnel', { condition: 'ztunnel.enabled', imageHubs: ISTIO_IMAGE_HUBS }),
    istioChart('gateway'),
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
      workload: 'DaemonSet/ztunnel',
      reason: 'Node agent of ambient mode: ztunnel enters pod network namespaces (NET_ADMIN, SYS_ADMIN, host paths), as upstream ships it.',
    },
  ],
  deviations: [
    {
      object: 'images (global.tag of every Istio chart)',
      reason:
        "Kubeflow 26.03 runs the 1.29.0 charts with 1.28.0 images (`tag: 1.28.0`) for istiod, the gateway, istio-cni and ztunnel, and so do these defaults (upstream fixed this mismatch later); its injector's values keep tag 1.29.0, so its injected sidecars run proxyv2 1.29.0, where here they run 1.28.0 like the rest. Set the top-level `global.tag` (it reaches every Istio chart of this release), and istio-cni's, to run 1.29.0 images.",
    },
    {
      object: "metadata.labels of the ingress gateway's objects",
      reason:
        "Kubeflow 26.03 renders Istio with istioctl, whose gateway objects carry the labels of istioctl's own gateway chart (`helm.sh/chart: istio-ingress-1.29.0`, `release`, `istio.io/rev`, the operator labels install.operator.istio.io/owning-resource and operator.istio.io/component); the published `gateway` chart labels them `gateway-1.29.0` without those, and the `istio-ingressgateway-sds` Role and RoleBinding are Kubeflow's own objects here, without labels. istiod's objects carry the same labels as upstream's.",
    },
    {
      object: 'ConfigMap/istio',
      reason:
        'The same mesh config as Kubeflow 26.03 (the documents parse to the same value, default metrics provider off as there: `istiod.telemetry.v2.prometheus.enabled`), written by the istiod chart in its own key order.',
    },
    {
      object: 'ConfigMap/istio-sidecar-injector',
      reason:
        "Injection templates: the waypoint Service template of the published istiod chart asks for `networking.istio.io/traffic-distribution: PreferClose`, istioctl 1.29's embedded chart for `PreferSameZone`; the others are the same. `values` document: the same proxy, init container and waypoint settings (typed under `istiod.global`), but it also records this chart's shared `global` values (Helm hands a chart's globals to its dependencies), `istiod.env` (Kubeflow 26.03 patches the istiod Deployment instead), the chart's `proxy_init.forceApplyIptables` default, and tag 1.28.0 where istioctl's has 1.29.0 (see images).",
    },
    {
      object: 'ConfigMap/values',
      reason:
        "istiod records the values it was rendered with: Helm's values (the typed ones here, with this chart's shared `global`), not istioctl's profile values.",
    },
    {
      object: 'Deployment/istiod',
      reason:
        "The environment variables of `istiod.env` come after the chart's own ones; Kubeflow 26.03 adds them with a patch at the start of the list. Same variables and values.",
    },
    {
      object: 'Deployment/istio-ingressgateway',
      reason:
        "The published `gateway` chart uses Istio's gateway injection template (image `auto`, the proxy filled in at admission) instead of istioctl's full pod spec.",
    },
  ],
  presets: {
    insecure: {
      description:
        "Without the istio-cni node agent (sidecars use init containers), with the namespaces and NetworkPolicies of a standalone install (upstream overlays/insecure; istio-cni's `insecure` preset holds what that overlay keeps of istio-cni).",
      values: {
        istiod: { cni: { enabled: false } },
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
      description:
        "GKE (upstream overlays/gke): nothing changes here; the overlay's one change, the CNI binaries in /home/kubernetes/bin, is istio-cni's `gke` preset.",
      values: {},
    },
    'ambient-oauth2-proxy': {
      description:
        "Ambient mode: ztunnel, ambient in istiod, the kubeflow namespace in the ambient data plane (upstream overlays/ambient-oauth2-proxy; with istio-cni's `ambient` preset for the redirection).",
      values: {
        ztunnel: { enabled: true },
        istiod: { env: { PILOT_ENABLE_AMBIENT: 'true' } },
        namespaces: [
          { name: 'istio-system', podSecurity: 'privileged' },
          { name: 'kubeflow', dataplaneMode: 'ambient' },
        ],
      },
    },
  },
};
