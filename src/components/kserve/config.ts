import { text } from '../../core/conditions.js';
import { structuredText } from '../../core/value-text.js';
import type { Access, Group } from '../../core/values.js';
import type { values } from './values.js';

type V = Access<Group<typeof values>>;

const resources = (r: { cpuRequest: string; cpuLimit: string; memoryRequest: string; memoryLimit: string }) => ({
  cpuLimit: r.cpuLimit,
  cpuRequest: r.cpuRequest,
  memoryLimit: r.memoryLimit,
  memoryRequest: r.memoryRequest,
});
const sidecar = (s: { image: string; cpuRequest: string; cpuLimit: string; memoryRequest: string; memoryLimit: string }) => ({
  image: s.image,
  ...resources(s),
});

/**
 * The entries of `inferenceservice-config`, each the JSON document KServe reads, built from typed
 * values and encoded as JSON (structuredText) (no value can break out of its string). Numbers KServe parses from
 * strings stay strings, as upstream writes them.
 */
export function inferenceServiceConfig(v: V): Record<string, string> {
  // our own layout (sorted keys, two-space indent) in both outputs: no upstream text to keep
  const doc = (x: unknown) => structuredText(x, { indent: 2, defaultValue: null, defaultText: '' });
  return {
    agent: doc(sidecar(v.agent)),
    autoscaler: doc({
      scaleDownStabilizationWindowSeconds: text(v.autoscaler.scaleDownStabilizationWindowSeconds),
      scaleUpStabilizationWindowSeconds: text(v.autoscaler.scaleUpStabilizationWindowSeconds),
    }),
    batcher: doc({ ...sidecar(v.batcher), maxBatchSize: text(v.batcher.maxBatchSize), maxLatency: text(v.batcher.maxLatency) }),
    credentials: doc({
      gcs: { gcsCredentialFileName: v.credentials.gcsCredentialFileName },
      s3: v.credentials.s3,
      storageSecretNameAnnotation: v.credentials.storageSecretNameAnnotation,
      storageSpecSecretName: v.credentials.storageSpecSecretName,
    }),
    deploy: doc({ defaultDeploymentMode: v.deploymentMode }),
    explainers: doc({ art: { defaultImageVersion: v.explainers.artDefaultImageVersion, image: v.explainers.artImage } }),
    inferenceService: doc({ resource: resources(v.inferenceServiceResources) }),
    ingress: doc({
      disableIngressCreation: v.ingress.disableIngressCreation,
      disableIstioVirtualHost: v.ingress.disableIstioVirtualHost,
      domainTemplate: v.ingress.domainTemplate,
      enableGatewayApi: v.ingress.enableGatewayApi,
      ingressClassName: v.ingress.ingressClassName,
      ingressDomain: v.ingress.ingressDomain,
      ingressGateway: v.ingress.ingressGateway,
      kserveIngressGateway: v.ingress.kserveIngressGateway,
      localGateway: v.ingress.localGateway,
      localGatewayService: v.ingress.localGatewayService,
      pathTemplate: v.ingress.pathTemplate,
      urlScheme: v.ingress.urlScheme,
    }),
    localModel: doc({
      defaultJobImage: v.localModel.defaultJobImage,
      enabled: v.localModel.enabled,
      fsGroup: v.localModel.fsGroup,
      jobNamespace: v.localModel.jobNamespace,
    }),
    logger: doc({ ...sidecar(v.logger), defaultUrl: v.logger.defaultUrl }),
    metricsAggregator: doc({
      enableMetricAggregation: text(v.metricsAggregator.enableMetricAggregation),
      enablePrometheusScraping: text(v.metricsAggregator.enablePrometheusScraping),
    }),
    opentelemetryCollector: doc({
      metricReceiverEndpoint: v.opentelemetryCollector.metricReceiverEndpoint,
      metricScalerEndpoint: v.opentelemetryCollector.metricScalerEndpoint,
      resource: resources(v.opentelemetryCollector),
      scrapeInterval: v.opentelemetryCollector.scrapeInterval,
    }),
    router: doc({ ...sidecar(v.router), imagePullPolicy: v.router.imagePullPolicy }),
    security: doc({ autoMountServiceAccountToken: v.autoMountServiceAccountToken }),
    storageInitializer: doc({
      ...sidecar(v.storageInitializer),
      caBundleConfigMapName: v.storageInitializer.caBundleConfigMapName,
      caBundleVolumeMountPath: v.storageInitializer.caBundleVolumeMountPath,
      cpuModelcar: v.storageInitializer.cpuModelcar,
      enableModelcar: v.storageInitializer.enableModelcar,
      memoryModelcar: v.storageInitializer.memoryModelcar,
      uidModelcar: v.storageInitializer.uidModelcar,
    }),
  };
}
