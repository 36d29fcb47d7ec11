import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { UserNamespace } from './user-namespace.js';

export { UserNamespace } from './user-namespace.js';
export type { ProfileValue } from './profile-types.js';
export const userNamespace: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new UserNamespace(scope, id, props),
};
