import type { Construct } from 'constructs';
import type { PodDefaultSpec } from '../../../imports/kubeflow.org.js';
import { Component, type ComponentProps } from '../../core/component.js';
import { items, nonEmpty } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { forEach } from '../../core/foreach.js';
import { info } from './info.js';
import { profileItem, type values } from './values.js';

/** PodDefault (kubeflow.org/v1alpha1) with the spec typed by the generated binding. */
interface IPodDefault {
  apiVersion: 'kubeflow.org/v1alpha1';
  kind: 'PodDefault';
  metadata: { name: string; namespace: string };
  spec: PodDefaultSpec;
}

/** Name of the PodDefault and of the pod label that selects it (a label key cannot be a Helm expression). */
export const POD_DEFAULT = 'kale-pipelines-access';
const TOKEN_VOLUME = 'kale-pipelines-token';

/**
 * Kale (notebooks to Kubeflow Pipelines, from JupyterLab): in each listed profile namespace, a
 * PodDefault that notebooks opt into from the spawner. It mounts a projected service-account token
 * for the Pipelines API and sets the environment the KFP client Kale uses reads.
 */
export class Kale extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    forEach(
      this,
      'profiles',
      this.v.profiles,
      profileItem,
      (p) => p.name,
      (scope, p) => this.pipelinesAccess(scope, p.name),
    );
  }

  /** The PodDefault in one profile namespace. */
  private pipelinesAccess(scope: Construct, namespace: string): void {
    const v = this.v;
    customObject<IPodDefault>(scope, 'pod-default', {
      apiVersion: 'kubeflow.org/v1alpha1',
      kind: 'PodDefault',
      metadata: { name: POD_DEFAULT, namespace },
      spec: {
        desc: v.podDefault.description,
        selector: { matchLabels: { [POD_DEFAULT]: 'true' } },
        env: [
          { name: 'KF_PIPELINES_SA_TOKEN_PATH', value: `${v.token.mountPath}/token` },
          ...items(nonEmpty(v.pipelinesEndpoint), [{ name: 'KF_PIPELINES_ENDPOINT', value: v.pipelinesEndpoint }]),
        ],
        volumeMounts: [{ name: TOKEN_VOLUME, mountPath: v.token.mountPath, readOnly: true }],
        volumes: [
          {
            name: TOKEN_VOLUME,
            projected: {
              sources: [
                { serviceAccountToken: { path: 'token', audience: v.token.audience, expirationSeconds: v.token.expirationSeconds } },
              ],
            },
          },
        ],
      } as PodDefaultSpec,
    });
  }
}
