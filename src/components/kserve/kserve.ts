import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { eq, nonEmpty, opt, when } from '../../core/conditions.js';
import type { ClusterStorageContainerSpec } from '../../../imports/serving.kserve.io.js';
import { customObject } from '../../core/custom-object.js';
import { forEach } from '../../core/foreach.js';
import { late } from '../../core/stages.js';
import type { Access, Group } from '../../core/values.js';
import { inferenceServiceConfig } from './config.js';
import { kserveCrds } from './crds.js';
import { info } from './info.js';
import { kserveRbac } from './rbac.js';
import { runtimeItem, type values } from './values.js';
import type { IClusterServingRuntime, IClusterStorageContainer } from './types.js';
import { kserveWebhooks } from './webhooks.js';
import { llmInferenceServiceController } from './llmisvc.js';
import { localModelController } from './local-model.js';
import { base, certMount, certVolume, controlPlane, podNamespaceEnv, podSecurity, probe, restricted } from './pods.js';

const port = (n: string | number) => (typeof n === 'number' ? k8s.IntOrString.fromNumber(n) : k8s.IntOrString.fromString(n));

/**
 * KServe 0.16 as Kubeflow installs it: the KServe, LLMInferenceService and local model controllers,
 * their webhooks and certificates, `inferenceservice-config`, the ClusterServingRuntimes and the
 * default ClusterStorageContainer, and the 13 CRDs.
 */
export class KServe extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    when(this, 'crds', v.crds.install, (s) => kserveCrds(s, base, v.namespace));
    this.serviceAccount();
    kserveRbac(this, v.namespace, base);
    new k8s.KubeConfigMap(this, 'inferenceservice-config', {
      metadata: this.meta('inferenceservice-config'),
      data: inferenceServiceConfig(v),
    });
    new k8s.KubeSecret(this, 'webhook-server-secret', { metadata: this.meta('kserve-webhook-server-secret') });
    this.services();
    this.controller();
    kserveWebhooks(this, v.namespace, base);
    when(this, 'llmisvc', v.llmisvc.enabled, (s) =>
      llmInferenceServiceController(s, {
        ns: v.namespace,
        labels: base,
        image: v.llmisvc.image.ref,
        pullPolicy: v.llmisvc.image.pullPolicy,
        resources: v.llmisvc.resources,
      }),
    );
    when(this, 'local-model', v.localModel.controller, (s) =>
      localModelController(s, {
        ns: v.namespace,
        labels: base,
        image: v.localModel.controllerImage.ref,
        pullPolicy: v.localModel.controllerImage.pullPolicy,
        resources: v.localModel.resources,
      }),
    );
    this.runtimes();
    this.storageContainer();
  }

  private meta(name: string, labels: Record<string, string> = base) {
    return { name, namespace: this.v.namespace, labels };
  }

  private serviceAccount(): void {
    const managed = (name: string) => ({ ...base, 'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': name });
    const name = 'kserve-controller-manager';
    new k8s.KubeServiceAccount(this, `${name}-sa`, { metadata: this.meta(name, managed(name)) });
  }

  private services(): void {
    const kserve = controlPlane('kserve-controller-manager');
    new k8s.KubeService(this, 'metrics-service', {
      metadata: {
        ...this.meta('kserve-controller-manager-metrics-service', kserve),
        annotations: { 'prometheus.io/port': '8443', 'prometheus.io/scheme': 'https', 'prometheus.io/scrape': 'true' },
      },
      spec: { ports: [{ name: 'https', port: 8443, targetPort: port('https') }], selector: kserve },
    });
    new k8s.KubeService(this, 'controller-manager-service', {
      metadata: this.meta('kserve-controller-manager-service', kserve),
      spec: { ports: [{ port: 8443, protocol: 'TCP', targetPort: port('https') }], selector: kserve },
    });
    new k8s.KubeService(this, 'webhook-server-service', {
      metadata: this.meta('kserve-webhook-server-service'),
      spec: {
        ports: [{ port: 443, targetPort: port('webhook-server') }],
        selector: { ...base, 'control-plane': 'kserve-controller-manager' },
      },
    });
  }

  private controller(): void {
    const v = this.v;
    const kserve = controlPlane('kserve-controller-manager');
    new k8s.KubeDeployment(this, 'controller-manager', {
      metadata: this.meta('kserve-controller-manager', kserve),
      spec: {
        selector: { matchLabels: kserve },
        template: {
          metadata: {
            annotations: { 'kubectl.kubernetes.io/default-container': 'manager', 'sidecar.istio.io/inject': 'false' },
            labels: kserve,
          },
          spec: {
            containers: [
              {
                name: 'manager',
                image: v.controller.image.ref,
                imagePullPolicy: v.controller.image.pullPolicy,
                command: ['/manager'],
                args: ['--metrics-addr=127.0.0.1:8080', '--leader-elect'],
                env: [podNamespaceEnv, { name: 'SECRET_NAME', value: 'kserve-webhook-server-cert' }],
                livenessProbe: probe('/healthz', {}),
                readinessProbe: probe('/readyz', { periodSeconds: 5 }),
                ports: [{ containerPort: 9443, name: 'webhook-server', protocol: 'TCP' }],
                resources: v.controller.resources,
                securityContext: restricted,
                volumeMounts: [certMount],
              },
              {
                name: 'kube-rbac-proxy',
                image: v.controller.rbacProxyImage.ref,
                args: ['--secure-listen-address=0.0.0.0:8443', '--upstream=http://127.0.0.1:8080/', '--logtostderr=true', '--v=10'],
                ports: [{ containerPort: 8443, name: 'https', protocol: 'TCP' }],
                securityContext: restricted,
              },
            ],
            securityContext: podSecurity,
            serviceAccountName: 'kserve-controller-manager',
            terminationGracePeriodSeconds: 10,
            volumes: [certVolume('kserve-webhook-server-cert')],
          },
        },
      },
    });
  }

  /** One ClusterServingRuntime per item of `runtimes` and of `extraRuntimes`. */
  private runtimes(): void {
    // KServe's own webhook validates them: applied once it runs (src/core/stages.ts)
    late(this, 'late', this.v.global.stage, (l) => {
      forEach(
        l,
        'runtimes',
        this.v.runtimes,
        runtimeItem,
        (r) => r.name,
        (scope, r) => this.runtime(scope, r),
      );
      forEach(
        l,
        'extra-runtimes',
        this.v.extraRuntimes,
        runtimeItem,
        (r) => r.name,
        (scope, r) => this.runtime(scope, r),
      );
    });
  }

  private runtime(scope: Construct, r: Access<Group<typeof runtimeItem>>): void {
    const c = r.container;
    customObject<IClusterServingRuntime>(scope, 'runtime', {
      apiVersion: 'serving.kserve.io/v1alpha1',
      kind: 'ClusterServingRuntime',
      metadata: { name: r.name },
      spec: {
        annotations: r.annotations,
        containers: [
          {
            name: 'kserve-container',
            image: c.image,
            command: c.command,
            args: c.args,
            env: c.env,
            resources: c.resources,
            securityContext: c.securityContext,
            volumeMounts: c.volumeMounts,
            livenessProbe: c.livenessProbe,
            readinessProbe: c.readinessProbe,
            startupProbe: c.startupProbe,
          },
        ],
        // the binding names it hostIpc (cdk8s import's casing); the resource's field is hostIPC
        ...{ hostIPC: opt(nonEmpty(r.hostIPC), eq(r.hostIPC, 'true')) },
        protocolVersions: r.protocolVersions,
        supportedModelFormats: r.supportedModelFormats,
        volumes: r.volumes,
        workerSpec: r.workerSpec,
      },
    });
  }

  private storageContainer(): void {
    const v = this.v.storageContainer;
    customObject<IClusterStorageContainer>(this, 'storage-container', {
      apiVersion: 'serving.kserve.io/v1alpha1',
      kind: 'ClusterStorageContainer',
      metadata: { name: 'default' },
      spec: {
        container: { image: v.image, name: 'storage-initializer', resources: v.resources },
        supportedUriFormats: v.supportedUriFormats,
        workloadType: 'initContainer',
      } as ClusterStorageContainerSpec,
    });
  }
}
