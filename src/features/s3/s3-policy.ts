/**
 * Who may do what with smart specialisation. The strength areas, their action plans, the six
 * steps, self-assessments, published meetings and the learning log are public: the region calls
 * S3 a way of working done together with the county's actors. The region's staff (editors,
 * admins) keep the records. Input raised at meetings is read by staff and viewers, and by a
 * partner for input its own organisation raised. Registrations are personal data: staff only.
 */
import { type Actor, isStaff, readsEverything } from '../access/permissions.ts';

export const s3Policy = {
  /** Every S3 write but a public registration. */
  change: (actor: Actor) => isStaff(actor),
  /** Internal meetings (visibility internal). */
  readInternalMeetings: (actor: Actor) => readsEverything(actor),
  /** All input; partners read the input their organisation raised (filter on that). */
  readAllInputs: (actor: Actor) => readsEverything(actor),
  readOwnInputs: (actor: Actor) => actor.role === 'partner' && actor.organisationId !== null,
  /** Names and emails of people who registered for a meeting. */
  readRegistrations: (actor: Actor) => isStaff(actor),
};
