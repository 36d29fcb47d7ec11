import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { crudWebApp } from '../../lib/crud-web-app.js';
import { rule } from '../../lib/rbac.js';
import { info } from './info.js';
import type { values } from './values.js';

const tensorboards = rule(['tensorboard.kubeflow.org'], ['tensorboards', 'tensorboards/finalizers'], ['get', 'list', 'create', 'delete']);
const storageClasses = rule(['storage.k8s.io'], ['storageclasses'], ['get', 'list', 'watch']);
const podDefaults = rule(['kubeflow.org'], ['poddefaults'], ['get', 'list', 'watch']);

/** The TensorBoards UI: lists, creates and deletes Tensorboard resources in the user's profile namespace. */
export class TensorboardsWebApp extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    crudWebApp(this, this.v, {
      name: 'tensorboards-web-app',
      paramPrefix: 'TWA',
      uiRole: 'tensorboard',
      rules: {
        cluster: [
          rule([''], ['namespaces'], ['get', 'list']),
          rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
          tensorboards,
          rule([''], ['persistentvolumeclaims'], ['create', 'delete', 'get', 'list']),
          storageClasses,
          podDefaults,
        ],
        edit: [tensorboards, podDefaults],
        view: [{ ...tensorboards, verbs: ['get', 'list'] }, storageClasses, podDefaults],
      },
    });
  }
}
