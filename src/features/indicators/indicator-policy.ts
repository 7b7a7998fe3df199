/**
 * Who may change the indicator store. Everyone (also the public) reads indicators, values and
 * analyses: they are official statistics. Definitions, targets and imports are the region's
 * staff's work (editors and administrators); partners and viewers only read.
 */
import { type Actor, isStaff } from '../access/permissions.ts';

export const indicatorPolicy = {
  define: (actor: Actor) => isStaff(actor),
  setTargets: (actor: Actor) => isStaff(actor),
  import: (actor: Actor) => isStaff(actor),
};
