/** Small helpers the area services share. */
import { and, type SQL } from 'drizzle-orm';
import type * as t from '../../../db/schema.ts';
import { type FieldError, HttpProblem } from '../../../server/problem.ts';
import type { ReadScope } from '../../access/permissions.ts';
import { listConditions } from '../../efforts/efforts-service.ts';

export const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** The SQL condition for efforts the reader may see (in the region; internal ones only as the effort rules allow). */
export const visibleEfforts = (regionCode: string, scope: ReadScope): SQL | undefined =>
  and(...listConditions(regionCode, scope, {}));

/** A logic item as the audit trail shows it (without version and times). */
export const logicAudit = (r: typeof t.s3LogicItems.$inferSelect | undefined) => {
  if (!r) return null;
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};
