/** Who may manage which user accounts. Nobody grants a role above their own. */
import type { Role } from '../../db/schema.ts';
import { type Actor, canGrantRole, canManageUsers } from './permissions.ts';
import type { UserOut, UserPatch } from './user-schemas.ts';

export const userPolicy = {
  list: (actor: Actor) => canManageUsers(actor),
  create: (actor: Actor, role: Role) => canGrantRole(actor, role),
  update: (actor: Actor, target: UserOut, patch: UserPatch) => {
    if (!canGrantRole(actor, patch.role ?? target.role ?? 'viewer', target.role)) return false;
    // Your own role and account stay as they are: another administrator changes them.
    const self = actor.user?.id === target.id;
    return !(
      self &&
      (patch.role !== undefined || patch.disabled !== undefined || patch.organisationId !== undefined)
    );
  },
  resetPassword: (actor: Actor, target: UserOut) =>
    actor.user?.id !== target.id && target.role !== null && canGrantRole(actor, target.role, target.role),
};
