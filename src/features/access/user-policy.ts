/**
 * Who may manage which user accounts. Nobody grants a role above their own; changes that reach
 * the whole account (password, switching it off, its name) need a higher role than the target's
 * (administrators excepted) and are refused for accounts that also have a role in another region,
 * whose administrators have a say too.
 */
import type { Role } from '../../db/schema.ts';
import { type Actor, canGrantRole, canManageUsers } from './permissions.ts';
import type { UserOut, UserPatch } from './user-schemas.ts';

const rank: Record<Role, number> = { admin: 3, editor: 2, partner: 1, viewer: 1 };

function mayChangeAccount(actor: Actor, target: UserOut): boolean {
  if (target.alsoInOtherRegions || !actor.role) return false;
  if (actor.role === 'admin') return true;
  return target.role !== null && rank[target.role] < rank[actor.role];
}

export const userPolicy = {
  list: (actor: Actor) => canManageUsers(actor),
  create: (actor: Actor, role: Role) => canGrantRole(actor, role),
  update: (actor: Actor, target: UserOut, patch: UserPatch) => {
    const self = actor.user?.id === target.id;
    // Whoever it is, the target must not be above the actor.
    if (!canManageUsers(actor) || !canGrantRole(actor, target.role ?? 'viewer', target.role)) return false;
    const roleChange = patch.role !== undefined || patch.organisationId !== undefined;
    // Your own role and account stay as they are: another administrator changes them.
    if (roleChange && (self || !canGrantRole(actor, patch.role ?? target.role ?? 'viewer', target.role)))
      return false;
    if (patch.disabled !== undefined && (self || !mayChangeAccount(actor, target))) return false;
    if (patch.name !== undefined && !self && !mayChangeAccount(actor, target)) return false;
    return true;
  },
  resetPassword: (actor: Actor, target: UserOut) =>
    actor.user?.id !== target.id && mayChangeAccount(actor, target),
};
