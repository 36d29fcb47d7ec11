import type { Component } from '../../core/component.js';
import { nonEmpty, opt, pick } from '../../core/conditions.js';
import type { values } from './values.js';

export type Values = Component<typeof values>['v'];

export const SERVER = 'model-registry-server';
export const SERVER_SERVICE = 'model-registry-service';
export const RBAC = 'rbac.authorization.k8s.io';

/** What every layer builds with: the values and the metadata of its objects. */
export class Context {
  /** The namespace, or undefined (field left out) when the value is empty: applied with `-n`. */
  public readonly namespace: string | undefined;
  constructor(
    public readonly v: Values,
    public readonly symbolic: boolean,
  ) {
    this.namespace = opt(nonEmpty(v.namespace), v.namespace);
  }

  /** Metadata of a namespaced object. */
  meta(name: string, labels?: Record<string, string>, annotations?: Record<string, string>) {
    return { name, namespace: this.namespace, ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) };
  }

  /** The ServiceAccount `name` as an RBAC subject. */
  serviceAccount(name: string) {
    return { kind: 'ServiceAccount', name, namespace: this.namespace };
  }

  /** `model-registry-service.<ns>.svc.<domain>`: the server's cluster-local address. */
  get serverHost(): string {
    const v = this.v;
    const ns = pick(nonEmpty(v.serverNamespace), v.serverNamespace, pick(nonEmpty(v.namespace), v.namespace, 'kubeflow'));
    return `${SERVER_SERVICE}.${ns}.svc.${v.clusterDomain}`;
  }
}
