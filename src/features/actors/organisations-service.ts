/**
 * The actor register: organisations of the region. Every change runs in one transaction with its
 * audit row; updates and deletes check the version the user read (optimistic locking).
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, DbTransaction } from '../../db/connection.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.ts';
import { areas, organisations } from '../../db/schema.ts';
import { conflict, HttpProblem, notFound } from '../../server/problem.ts';
import { versionMismatch } from '../../shared/optimistic-lock.ts';
import { compareSwedish } from '../../shared/text.ts';
import type { Actor, ReadScope } from '../access/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import type { OrganisationInput, OrganisationOut, OrganisationPatch } from './organisation-schemas.ts';

export type Organisation = typeof organisations.$inferSelect;
const entityType = 'organisation';

export function presentOrganisation(o: Organisation): OrganisationOut {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    level: o.level,
    organisationNumber: o.organisationNumber,
    areaCode: o.areaCode,
    website: o.website,
    description: o.description,
    visibility: o.visibility,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export async function findOrganisations(
  db: Db,
  regionCode: string,
  scope: ReadScope,
  filter: { kind?: string; q?: string },
): Promise<Organisation[]> {
  const visible = scope.all
    ? undefined
    : scope.organisationId
      ? or(eq(organisations.visibility, 'published'), eq(organisations.id, scope.organisationId))
      : eq(organisations.visibility, 'published');
  const rows = await db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.regionCode, regionCode),
        visible,
        filter.kind ? eq(organisations.kind, filter.kind as Organisation['kind']) : undefined,
        filter.q
          ? sql`(${organisations.name} ilike ${`%${escapeLike(filter.q)}%`} or ${organisations.organisationNumber} = ${filter.q})`
          : undefined,
      ),
    );
  return rows.sort((a, b) => compareSwedish(a.name, b.name));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function getOrganisation(db: Db | DbTransaction, regionCode: string, id: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.regionCode, regionCode)));
  return row;
}

export async function getOrganisationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

async function assertAreaInRegion(
  tx: DbTransaction,
  regionCode: string,
  areaCode: string | null | undefined,
) {
  if (!areaCode) return;
  const [area] = await tx
    .select({ type: areas.type })
    .from(areas)
    .where(and(eq(areas.code, areaCode), eq(areas.regionCode, regionCode)));
  if (!area || area.type === 'county') {
    throw new HttpProblem(400, 'Bad Request', `No municipality or sameby ${areaCode} in this region`, [
      { field: 'body.areaCode', message: 'must be the code of a municipality or sameby in the region' },
    ]);
  }
}

const duplicateName = (name: string) =>
  conflict(`There is already an organisation called "${name}" in the region`, 'DUPLICATE_NAME');

export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: OrganisationInput,
): Promise<Organisation> {
  try {
    return await db.transaction(async (tx) => {
      await assertAreaInRegion(tx, actor.regionCode, input.areaCode);
      const [created] = await tx
        .insert(organisations)
        .values({
          regionCode: actor.regionCode,
          name: input.name,
          kind: input.kind,
          level: input.level,
          organisationNumber: input.organisationNumber ?? null,
          areaCode: input.areaCode ?? null,
          website: input.website ?? null,
          description: input.description ?? null,
          visibility: input.visibility,
        })
        .returning();
      if (!created) throw new Error('insert returned no row');
      await recordAudit(tx, actor, {
        action: 'create',
        entityType,
        entityId: created.id,
        before: null,
        after: presentOrganisation(created),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(input.name);
    throw error;
  }
}

/**
 * Applies a change if the record is still at `expectedVersion`. `authorise` sees the current
 * record (inside the transaction, locked) and throws when the actor may not change it.
 */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: OrganisationPatch,
  authorise: (current: Organisation) => void,
): Promise<Organisation> {
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.id, id), eq(organisations.regionCode, actor.regionCode)))
        .for('update');
      if (!current) throw notFound(`No organisation ${id}`);
      authorise(current);
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      await assertAreaInRegion(tx, actor.regionCode, patch.areaCode);
      const [updated] = await tx
        .update(organisations)
        .set({ ...patch, version: current.version + 1, updatedAt: new Date() })
        .where(eq(organisations.id, id))
        .returning();
      if (!updated) throw new Error('update returned no row');
      await recordAudit(tx, actor, {
        action: 'update',
        entityType,
        entityId: id,
        before: presentOrganisation(current),
        after: presentOrganisation(updated),
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(patch.name ?? '');
    throw error;
  }
}

export async function deleteOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  authorise: (current: Organisation) => void,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.id, id), eq(organisations.regionCode, actor.regionCode)))
        .for('update');
      if (!current) throw notFound(`No organisation ${id}`);
      authorise(current);
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      await tx.delete(organisations).where(eq(organisations.id, id));
      await recordAudit(tx, actor, {
        action: 'delete',
        entityType,
        entityId: id,
        before: presentOrganisation(current),
        after: null,
      });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw conflict(
        'The organisation is still in use (for example by user accounts); remove those links first',
        'IN_USE',
      );
    }
    throw error;
  }
}
