import { IMAGE_HUB_PATTERN, IMAGE_TAG } from '../core/schema.js';
import type { UpstreamChart } from '../core/upstream.js';
import { v } from '../core/values.js';

/**
 * Istio's published Helm charts as Kubeflow 26.03 installs them: the 1.29.0 charts with the 1.28.0
 * images (a mismatch upstream fixed later). Shared by istio-crds, istio-cni and istio-install.
 */
export const ISTIO_CHARTS = 'https://istio-release.storage.googleapis.com/charts';
export const ISTIO_VERSION = '1.29.0';

/**
 * Where Istio's charts that run images take them from: `hub`, else `global.hub` (istiod, cni, ztunnel;
 * the gateway chart's proxy is injected by istiod, `image: auto`).
 */
export const ISTIO_IMAGE_HUBS = ['global.hub', 'hub'] as const;

/** One of Istio's charts at the pinned version, its values under its own name. */
export const istioChart = (name: string, extra: Partial<UpstreamChart> = {}): UpstreamChart => ({
  name,
  version: ISTIO_VERSION,
  repository: ISTIO_CHARTS,
  alias: name,
  ...extra,
});

/** `hub`: an image registry with the path the images are under (`gcr.io/istio-release`), never empty. */
const IMAGE_HUB = IMAGE_HUB_PATTERN();

export const istioHub = () =>
  v.str(
    'gcr.io/istio-release',
    'Registry and path of the Istio images (`hub`, image grammar `host[:port]/path`). The top-level `global.hub` replaces it for every Istio chart of this release; `global.imageRegistry` replaces its registry.',
    { minLength: 1, pattern: IMAGE_HUB },
  );

export const istioTag = () =>
  v.str(
    '1.28.0',
    'Tag of the Istio images (Kubeflow 26.03 pins 1.28.0 with the 1.29.0 charts). The top-level `global.tag` replaces it for every Istio chart of this release.',
    { pattern: IMAGE_TAG },
  );

/** The `global` group of an Istio chart that runs images: hub and tag. */
export const istioImages = () => v.group("Istio's global values of this chart.", { hub: istioHub(), tag: istioTag() });
