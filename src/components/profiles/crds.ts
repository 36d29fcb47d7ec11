import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, resourceSchema } from '../../core/crd/index.js';

/** Profile (kubeflow.org, cluster-scoped): a user namespace with its owner, quota and plugins. */
export const profileSchema = resourceSchema({
  description: 'Profile is a namespace owned by a user, with the RBAC, quota and plugins the profile controller sets up.',
  spec: prop.object(
    {
      owner: prop.k8s('Subject', 'The profile owner (a User, Group or ServiceAccount).'),
      plugins: prop.array(
        prop.object(
          {
            apiVersion: prop.string('API version of the plugin (group/version).'),
            kind: prop.string('Kind of plugin, e.g. WorkloadIdentity or AwsIamForServiceAccount.'),
            spec: prop.preserveUnknown('Plugin-specific settings.'),
          },
          'A platform-specific action the controller takes for the profile.',
        ),
        'Plugins run for the profile.',
      ),
      resourceQuotaSpec: prop.k8s('ResourceQuotaSpec', 'ResourceQuota applied to the profile namespace.'),
    },
    'Desired state of the profile.',
  ),
  status: prop.object(
    {
      conditions: prop.array(
        prop.object({
          message: prop.string(),
          status: prop.string(),
          type: prop.string(),
        }),
      ),
    },
    'Observed state of the profile.',
  ),
});

export function profileCrd(scope: Construct, labels: Record<string, string>): CustomResourceDefinition {
  // v1 and v1beta1 share one schema; v1 is stored (no conversion needed).
  const version = (name: string, storage: boolean) => ({ name, storage, schema: profileSchema, subresources: { status: true } });
  return new CustomResourceDefinition(scope, 'profiles', {
    group: 'kubeflow.org',
    kind: 'Profile',
    scope: 'Cluster',
    labels,
    conversion: { strategy: 'None' },
    preserveUnknownFields: false,
    versions: [version('v1', true), version('v1beta1', false)],
  });
}
