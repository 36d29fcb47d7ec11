import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';

/**
 * Dex's AuthCode CRD. Dex creates its other CRDs itself at start-up (its ClusterRole may create
 * CRDs); upstream ships this one so logins work before Dex ever ran. The schema is open: Dex owns
 * the objects' shape.
 */
export function dexCrds(scope: Construct): void {
  new k8s.KubeCustomResourceDefinition(scope, 'authcodes', {
    metadata: { name: 'authcodes.dex.coreos.com' },
    spec: {
      group: 'dex.coreos.com',
      names: { kind: 'AuthCode', listKind: 'AuthCodeList', plural: 'authcodes', singular: 'authcode' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          schema: { openApiv3Schema: { type: 'object', xKubernetesPreserveUnknownFields: true } },
          served: true,
          storage: true,
        },
      ],
    },
  });
}
