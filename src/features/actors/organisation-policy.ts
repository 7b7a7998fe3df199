/**
 * Who may do what with organisations (actors). An organisation counts as owned by itself: a
 * partner may update its own organisation's record, nobody else's.
 */

import {
  type Actor,
  canChangeRecord,
  canPublish,
  canReadRecord,
  isStaff,
  type RegionRecord,
} from '../access/permissions.ts';
import type { Organisation } from './organisations-service.ts';

const asRecord = (o: Pick<Organisation, 'regionCode' | 'visibility' | 'id'>): RegionRecord => ({
  regionCode: o.regionCode,
  visibility: o.visibility,
  ownerOrganisationId: o.id,
});

export const organisationPolicy = {
  read: (actor: Actor, o: Organisation) => canReadRecord(actor, asRecord(o)),
  create: (actor: Actor) => isStaff(actor),
  update: (actor: Actor, o: Organisation) => canChangeRecord(actor, asRecord(o)),
  /** Changing the visibility is a publication decision. */
  publish: (actor: Actor) => canPublish(actor),
  delete: (actor: Actor) => isStaff(actor),
};
