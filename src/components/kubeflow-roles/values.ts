import type { k8s } from 'cdk8s-plus-33';
import { s, type JsonSchema } from '../../core/schema.js';
import { v } from '../../core/values.js';

export const policyRuleSchema = (): JsonSchema =>
  s.object(
    {
      apiGroups: s.array(s.string()),
      resources: s.array(s.string()),
      resourceNames: s.array(s.string()),
      nonResourceURLs: s.array(s.string()),
      verbs: s.array(s.string(), { minItems: 1 }),
    },
    ['verbs'],
  );

const extra = (role: string) =>
  v.list<k8s.PolicyRule>(
    [],
    `Rules appended to \`kubeflow-kubernetes-${role}\`, which aggregates into \`kubeflow-${role}\` (the role profiles grant).`,
    policyRuleSchema(),
  );

export const values = {
  extraRules: v.group('Extra Kubernetes permissions for the Kubeflow user roles.', {
    admin: extra('admin'),
    edit: extra('edit'),
    view: extra('view'),
  }),
};
