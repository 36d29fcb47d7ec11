import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { when } from '../../core/conditions.js';
import { Context } from './context.js';
import { controller } from './controller.js';
import { database, ENGINES, usesEngine } from './database.js';
import { info } from './info.js';
import { istioRoute, storageInitializer } from './routes.js';
import { server } from './server.js';
import { ui } from './ui.js';
import type { values } from './values.js';

/**
 * Kubeflow Model Registry. Upstream installs it as separate layers; each is switched by its own
 * `enabled` value: server (with a bundled or external MySQL/PostgreSQL database), UI, Istio route,
 * storage initializer for KServe, and the InferenceService controller.
 */
export class ModelRegistry extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const c = new Context(this.v, this.symbolic);
    const v = this.v;
    when(this, 'server', v.server.enabled, (s) => server(s, c));
    for (const engine of ENGINES) when(this, engine, usesEngine(c, engine), (s) => database(s, c, engine));
    when(this, 'ui', v.ui.enabled, (s) => ui(s, c));
    when(this, 'istio', v.istio.enabled, (s) => istioRoute(s, c));
    when(this, 'storage-initializer', v.storageInitializer.enabled, (s) => storageInitializer(s, c));
    when(this, 'controller', v.controller.enabled, (s) => controller(s, c));
  }
}
