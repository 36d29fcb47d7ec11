import { UPSTREAM_RELEASE, type ComponentInfo } from '../../core/component.js';
import { istioChart, ISTIO_IMAGE_HUBS, ISTIO_VERSION } from '../../lib/istio-charts.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'istio-cni',
  description:
    "Istio's CNI node agent (istio-cni) in kube-system, from Istio's upstream `cni` chart 1.29.0: it redirects pod traffic to the sidecars without privileged init containers (and to ztunnel in ambient mode). Kubeflow 26.03 installs it with istio-install; here it is a release of its own, because Istio's charts put every object in their release's namespace.",
  appVersion: ISTIO_VERSION,
  // its objects are part of upstream's istio-install entry: istio-install's parity test renders both
  upstream: {
    entry: 'istio-install',
    release: UPSTREAM_RELEASE,
    variants: { gke: 'gke', 'ambient-oauth2-proxy': 'ambient', insecure: 'insecure' },
  },
  values,
  keywords: ['istio', 'cni', 'service-mesh'],
  release: { name: 'istio-cni', namespace: 'kube-system' },
  upstreamCharts: [istioChart('cni', { imageHubs: ISTIO_IMAGE_HUBS })],
  securityExceptions: [
    {
      workload: 'DaemonSet/istio-cni-node',
      reason:
        'Node agent: istio-cni installs the CNI plugin on the host and sets up pod networking (host paths, root, NET_ADMIN, SYS_ADMIN), as upstream ships it.',
    },
  ],
  deviations: [
    {
      object: "metadata.labels of the cni chart's objects",
      reason:
        "The cni chart's `release` and `app.kubernetes.io/instance` labels name this release, `istio-cni`; Kubeflow 26.03 renders all of Istio with istioctl as one release named `istio`. The chart sets them from the release name, and the platform's releases need distinct names (Argo CD Applications, Flux HelmReleases and values files are named after them). The other labels are upstream's.",
    },
    {
      object: 'DaemonSet/istio-cni-node',
      reason:
        "Its pods' `app.kubernetes.io/instance` label names this release, `istio-cni`, where upstream's says `istio` (see the labels above); the selector does not use it.",
    },
    {
      object: 'ClusterRole/istio-cni',
      reason:
        "`ambient` preset: istioctl 1.29's render grants ambient redirection its rights (`pods/status`, patch, update) in this role; the published cni chart keeps this role read-only and grants them in `istio-cni-ambient`.",
    },
    {
      object: 'ClusterRole/istio-cni-ambient',
      reason: '`ambient` preset: the published cni chart adds this role for ambient redirection.',
    },
    { object: 'ClusterRoleBinding/istio-cni-ambient', reason: '`ambient` preset: binds istio-cni-ambient (published cni chart).' },
    {
      object: 'ConfigMap/istio-cni-config',
      reason:
        "`insecure` preset: Kubeflow's insecure overlay deletes only the node agent's DaemonSet and keeps its ConfigMap; the chart renders the ConfigMap only together with the DaemonSet (`global.resourceScope`), so the preset keeps the cluster-scoped RBAC only.",
    },
    {
      object: 'ServiceAccount/istio-cni',
      reason: '`insecure` preset: left out with the DaemonSet (the chart renders them together), where the upstream overlay keeps it.',
    },
  ],
  presets: {
    gke: {
      description: 'GKE: the CNI binaries live in /home/kubernetes/bin (the CNI part of upstream istio-install overlays/gke).',
      values: { cni: { cniBinDir: '/home/kubernetes/bin' } },
    },
    ambient: {
      description:
        "Ambient mode: istio-cni also redirects ambient pods to ztunnel (the CNI part of upstream istio-install overlays/ambient-oauth2-proxy; use with istio-install's `ambient-oauth2-proxy` preset).",
      values: { cni: { ambient: { enabled: true } } },
    },
    insecure: {
      description:
        "What upstream istio-install overlays/insecure leaves of istio-cni: its ClusterRoles and bindings, without the node agent (sidecars use init containers; use with istio-install's `insecure` preset). The roles are unused without the agent; leave istio-cni out instead to install none of it.",
      values: { cni: { global: { resourceScope: 'cluster' } } },
    },
  },
};
