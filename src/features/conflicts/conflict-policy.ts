/**
 * Who may do what with goal conflicts, the interaction matrix and Sami consultations. The region's
 * staff keep the register; viewers read everything; partners read published conflicts and those
 * naming their organisation, and the consultations their organisation is a party to; the public
 * reads published conflicts and matrices only.
 */
import { type Actor, canPublish, isStaff, readsEverything } from '../access/permissions.ts';

export const conflictPolicy = {
  create: (actor: Actor) => isStaff(actor),
  update: (actor: Actor) => isStaff(actor),
  addStep: (actor: Actor) => isStaff(actor),
  publish: (actor: Actor) => canPublish(actor),
  /** The review queue shows internal assessments of efforts: the region's staff and viewers. */
  readSuggestions: (actor: Actor) => readsEverything(actor),
  decideSuggestion: (actor: Actor) => isStaff(actor),
  changeMatrix: (actor: Actor) => isStaff(actor),
  /** Consultations are never public; partners see those their organisation is a party to. */
  readConsultations: (actor: Actor) => readsEverything(actor) || actor.role === 'partner',
  changeConsultation: (actor: Actor) => isStaff(actor),
};
