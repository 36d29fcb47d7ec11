import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { customObject } from '../../core/custom-object.js';
import { forEach } from '../../core/foreach.js';
import type { Access, Group } from '../../core/values.js';
import { dnsSlug } from '../../core/value-text.js';
import { info } from './info.js';
import type { IPodDefault, IProfile } from './profile-types.js';
import { contributorItem, podDefaultItem, profileItem, type values } from './values.js';

type Profile = Access<Group<typeof profileItem>>;
type Contributor = Access<Group<typeof contributorItem>>;

/**
 * Declarative Kubeflow profiles: one Profile per entry of `profiles` (the profile controller
 * creates the namespace, owner bindings and quota), plus what users would otherwise add by hand
 * or through the dashboard: contributors and PodDefaults in the profile's namespace.
 */
export class UserNamespace extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    forEach(
      this,
      'profiles',
      this.v.profiles,
      profileItem,
      (p) => p.name,
      (scope, p) => {
        this.profile(scope, p);
        this.contributors(scope, p);
        this.podDefaults(scope, p);
      },
    );
  }

  private profile(scope: Construct, p: Profile): void {
    customObject<IProfile>(scope, 'profile', {
      apiVersion: 'kubeflow.org/v1beta1',
      kind: 'Profile',
      metadata: { name: p.name },
      spec: {
        owner: { kind: p.owner.kind, name: p.owner.name },
        // plain values (quantities as written), serialized as they are
        resourceQuotaSpec: p.resourceQuotaSpec as IProfile['spec']['resourceQuotaSpec'],
        plugins: p.plugins as IProfile['spec']['plugins'],
      },
    });
  }

  /** The objects the dashboard's "Manage contributors" (KFAM) creates, with its naming. */
  private contributors(scope: Construct, p: Profile): void {
    forEach(
      scope,
      'contributors',
      p.contributors,
      contributorItem,
      (c) => `${dnsSlug(c.name)}-${c.role}`,
      (cs, c) => this.contributor(cs, p, c),
    );
  }

  private contributor(scope: Construct, p: Profile, c: Contributor): void {
    const v = this.v;
    const name = `user-${dnsSlug(c.name)}-clusterrole-${c.role}`;
    const metadata = { name, namespace: p.name, annotations: { role: c.role, user: c.name } };
    new k8s.KubeRoleBinding(scope, 'role-binding', {
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `kubeflow-${c.role}` },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: c.name }],
    });
    customObject<IAuthorizationPolicy>(scope, 'authorization-policy', {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata,
      spec: {
        action: 'ALLOW',
        rules: [{ when: [{ key: `request.headers[${v.userIdHeader}]`, values: [`${v.userIdPrefix}${c.name}`] }] }],
      },
    });
  }

  private podDefaults(scope: Construct, p: Profile): void {
    forEach(
      scope,
      'pod-defaults',
      p.podDefaults,
      podDefaultItem,
      (d) => d.name,
      (ds, d) => {
        customObject<IPodDefault>(ds, 'pod-default', {
          apiVersion: 'kubeflow.org/v1alpha1',
          kind: 'PodDefault',
          metadata: { name: d.name, namespace: p.name },
          spec: d.spec as unknown as IPodDefault['spec'],
        });
      },
    );
  }
}
