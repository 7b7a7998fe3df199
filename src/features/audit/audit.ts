/**
 * The audit trail. Every service that changes data calls recordAudit inside the same transaction
 * as the change, so a change and its audit row are committed — or rolled back — together.
 */
import type { Db, DbTransaction } from '../../db/connection.ts';
import { auditEvents } from '../../db/schema.ts';
import type { Actor } from '../access/permissions.ts';

export type AuditAction = 'create' | 'update' | 'delete';
export type FieldChange = { before: unknown; after: unknown };

// Bookkeeping columns that change on every write and say nothing about the change itself.
const bookkeeping = new Set(['updatedAt', 'createdAt', 'version']);

/** The fields whose values differ between two versions of a record (pure). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, FieldChange> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, FieldChange> = {};
  for (const key of keys) {
    if (bookkeeping.has(key)) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

const normalise = (value: unknown): unknown =>
  value === undefined ? null : value instanceof Date ? value.toISOString() : value;

/** A signed-in user, or the system itself (first-run setup, demo seeding) with a label. */
export type AuditActor = Actor | { system: string; regionCode: string };

export async function recordAudit(
  tx: Db | DbTransaction,
  actor: AuditActor,
  event: {
    action: AuditAction | (string & {});
    entityType: string;
    entityId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
): Promise<void> {
  const who =
    'system' in actor
      ? { actorUserId: null, actorLabel: actor.system }
      : actor.user
        ? { actorUserId: actor.user.id, actorLabel: actor.user.email }
        : null;
  if (!who) throw new Error('recordAudit: only signed-in users change data');
  await tx.insert(auditEvents).values({
    regionCode: actor.regionCode,
    ...who,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    changes: changedFields(event.before, event.after),
  });
}
