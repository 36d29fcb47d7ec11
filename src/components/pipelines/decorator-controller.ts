/** metacontroller.k8s.io/v1alpha1 DecoratorController, the fields Pipelines uses. */
export interface IDecoratorController {
  apiVersion: 'metacontroller.k8s.io/v1alpha1';
  kind: 'DecoratorController';
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: {
    resources: { apiVersion: string; resource: string; labelSelector?: { matchLabels?: Record<string, string> } }[];
    attachments?: {
      apiVersion: string;
      resource: string;
      updateStrategy?: { method: 'OnDelete' | 'Recreate' | 'InPlace' | 'RollingRecreate' | 'RollingInPlace' };
    }[];
    hooks: { sync?: { webhook: { url: string; timeout?: string } }; finalize?: { webhook: { url: string } } };
    resyncPeriodSeconds?: number;
  };
}
