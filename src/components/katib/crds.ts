import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, type PrinterColumn } from '../../core/crd/index.js';

/**
 * Experiment, Trial and Suggestion (kubeflow.org/v1beta1). Katib ships them without a schema
 * (any object is kept): the controller's webhooks validate Experiments instead.
 */
export function katibCrds(scope: Construct): void {
  const condition = (field: 'type' | 'status', name: string): PrinterColumn => ({
    name,
    type: 'string',
    jsonPath: `.status.conditions[-1:].${field}`,
  });
  const state = [condition('type', 'Type'), condition('status', 'Status')];
  const age: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };
  const kinds: [string, string, PrinterColumn[]][] = [
    ['experiments', 'Experiment', [...state, age]],
    [
      'suggestions',
      'Suggestion',
      [
        ...state,
        { name: 'Requested', type: 'string', jsonPath: '.spec.requests' },
        { name: 'Assigned', type: 'string', jsonPath: '.status.suggestionCount' },
        age,
      ],
    ],
    ['trials', 'Trial', [...state, age]],
  ];
  for (const [id, kind, columns] of kinds) {
    new CustomResourceDefinition(scope, id, {
      group: 'kubeflow.org',
      kind,
      scope: 'Namespaced',
      categories: ['all', 'kubeflow', 'katib'],
      versions: [
        {
          name: 'v1beta1',
          storage: true,
          subresources: { status: true },
          additionalPrinterColumns: columns,
          schema: prop.preserveUnknown(),
        },
      ],
    });
  }
}
