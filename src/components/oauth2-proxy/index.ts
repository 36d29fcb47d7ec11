import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { OAuth2Proxy } from './oauth2-proxy.js';

export { OAuth2Proxy } from './oauth2-proxy.js';
export { serviceAccountIssuerRule } from './presets.js';
export const oauth2Proxy: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new OAuth2Proxy(scope, id, props),
};
