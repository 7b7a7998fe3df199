/**
 * The access rules, as pure functions of who asks (the actor) and what is asked about. Each
 * feature's policy file combines these; routes only ever call a policy, never check roles
 * themselves.
 *
 * - admin: everything in the region, including users and roles
 * - editor: all the region's working data; may add users up to editor
 * - partner: published data plus its own organisation's records; changes only those
 * - viewer: reads everything in the region, changes nothing
 * - anonymous (or signed in without a role here): published data only
 */
import type { Role, Visibility } from '../../db/schema.ts';
import { forbidden, unauthorized } from '../../server/problem.ts';

export type Actor = {
  regionCode: string;
  user: { id: string; email: string; name: string; isDemo: boolean } | null;
  /** The user's role in this region; null for anonymous users and users without a role here. */
  role: Role | null;
  /** The partner's organisation. */
  organisationId: string | null;
};

export const anonymousActor = (regionCode: string): Actor => ({
  regionCode,
  user: null,
  role: null,
  organisationId: null,
});

/** A record the region owns: it has a region, a visibility and (maybe) an owning organisation. */
export type RegionRecord = {
  regionCode: string;
  visibility: Visibility;
  ownerOrganisationId: string | null;
};

export const isStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'editor';
export const readsEverything = (actor: Actor) => isStaff(actor) || actor.role === 'viewer';

export function canReadRecord(actor: Actor, record: RegionRecord): boolean {
  if (record.regionCode !== actor.regionCode) return false;
  if (record.visibility === 'published') return true;
  if (readsEverything(actor)) return true;
  return isOwnOrganisation(actor, record.ownerOrganisationId);
}

export function canChangeRecord(actor: Actor, record: RegionRecord): boolean {
  if (record.regionCode !== actor.regionCode) return false;
  if (isStaff(actor)) return true;
  return isOwnOrganisation(actor, record.ownerOrganisationId);
}

/** Creating a record owned by `ownerOrganisationId` (null: owned by the region itself). */
export function canCreateRecord(actor: Actor, ownerOrganisationId: string | null): boolean {
  if (isStaff(actor)) return true;
  return isOwnOrganisation(actor, ownerOrganisationId);
}

/** Publishing is the region's decision: partners keep their records internal until staff publish. */
export const canPublish = (actor: Actor) => isStaff(actor);

function isOwnOrganisation(actor: Actor, organisationId: string | null): boolean {
  return actor.role === 'partner' && actor.organisationId !== null && actor.organisationId === organisationId;
}

/**
 * What list queries may show: every record, or published ones plus (for partners) their own
 * organisation's.
 */
export type ReadScope = { all: true } | { all: false; organisationId: string | null };
export function readScope(actor: Actor): ReadScope {
  if (readsEverything(actor)) return { all: true };
  return { all: false, organisationId: actor.role === 'partner' ? actor.organisationId : null };
}

// Roles ordered by power. A partner and a viewer are equal: neither can grant anything.
const roleRank: Record<Role, number> = { admin: 3, editor: 2, partner: 1, viewer: 1 };

/** Who may manage user accounts at all. */
export const canManageUsers = (actor: Actor) => isStaff(actor);

/** May `actor` give someone `role`, or change a user who now has `currentRole`? Never above their own. */
export function canGrantRole(actor: Actor, role: Role, currentRole: Role | null = null): boolean {
  if (!canManageUsers(actor) || !actor.role) return false;
  const own = roleRank[actor.role];
  if (roleRank[role] > own) return false;
  if (currentRole !== null && roleRank[currentRole] > own) return false;
  return true;
}

/** Throws 401 for anonymous users and 403 for signed-in users when `allowed` is false. */
export function authorize(actor: Actor, allowed: boolean, whatForbidden = 'You may not do this'): void {
  if (allowed) return;
  if (!actor.user) throw unauthorized();
  throw forbidden(whatForbidden);
}
