/** Reference data (areas, SDGs, steering structure) is read by everyone and loaded by administrators. */
import type { Actor } from '../access/permissions.ts';

export const referencePolicy = {
  reload: (actor: Actor) => actor.role === 'admin',
};
