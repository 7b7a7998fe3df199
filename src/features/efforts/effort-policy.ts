/**
 * Who may do what with efforts. An effort belongs to its owner organisation (or, without one, to
 * the region): partners see and change their own organisation's efforts, and may create efforts
 * only for their own organisation. Publishing is the region's decision.
 */
import {
  type Actor,
  canChangeRecord,
  canCreateRecord,
  canPublish,
  canReadRecord,
  isStaff,
  type RegionRecord,
} from '../access/permissions.ts';
import type { EffortRow } from './efforts-service.ts';

const asRecord = (e: Pick<EffortRow, 'regionCode' | 'visibility' | 'ownerOrganisationId'>): RegionRecord => ({
  regionCode: e.regionCode,
  visibility: e.visibility,
  ownerOrganisationId: e.ownerOrganisationId,
});

export const effortPolicy = {
  read: (actor: Actor, e: EffortRow) => canReadRecord(actor, asRecord(e)),
  create: (actor: Actor, ownerOrganisationId: string | null) => canCreateRecord(actor, ownerOrganisationId),
  update: (actor: Actor, e: EffortRow) => canChangeRecord(actor, asRecord(e)),
  /** Handing an effort to another owner needs the right to create one for that owner. */
  changeOwner: (actor: Actor, newOwnerOrganisationId: string | null) =>
    canCreateRecord(actor, newOwnerOrganisationId),
  publish: (actor: Actor) => canPublish(actor),
  delete: (actor: Actor, e: EffortRow) => isStaff(actor) && canChangeRecord(actor, asRecord(e)),
  import: (actor: Actor) => isStaff(actor),
};
