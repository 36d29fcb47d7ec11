import type { ComponentEntry } from '../../core/synth.js';
import { Dex } from './dex.js';
import { info } from './info.js';

export { Dex } from './dex.js';
export type { Connector } from './connectors.js';
export const dex: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new Dex(scope, id, props),
};
