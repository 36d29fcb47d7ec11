import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { Profiles } from './profiles.js';

export { Profiles } from './profiles.js';
export const profiles: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new Profiles(scope, id, props),
};
