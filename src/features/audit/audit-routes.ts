import { and, count, desc, eq, isNull, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEvents } from '../../db/schema.ts';
import { protectedProblemResponses } from '../../server/problem.ts';
import { paginationQuery } from '../../shared/text.ts';
import { authorize, isStaff } from '../access/permissions.ts';

const auditEventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.string().describe('ISO timestamp'),
    actor: z.object({ userId: z.uuid().nullable(), label: z.string() }),
    action: z.string().describe('create, update, delete, sign_in, password_change …'),
    entity: z.string(),
    entityId: z.string(),
    changes: z.record(z.string(), z.unknown()).describe('{ field: { before, after } }'),
  })
  .meta({ id: 'AuditEvent' });

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['access'],
        summary: 'The audit trail of a record (editors and administrators)',
        querystring: z.object({
          entity: z
            .string()
            .trim()
            .min(1)
            .max(50)
            .regex(/^[a-z_]+$/, 'must be an entity name such as organisation'),
          id: z.string().trim().min(1).max(100),
          ...paginationQuery,
        }),
        response: {
          200: z.object({
            items: z.array(auditEventSchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          ...protectedProblemResponses,
        },
      },
    },
    async (request) => {
      const { actor } = request;
      authorize(actor, isStaff(actor), 'Only editors and administrators read the audit trail');
      const { entity, id, limit, offset } = request.query;
      const where = and(
        eq(auditEvents.entityType, entity),
        eq(auditEvents.entityId, id),
        // Events of this region, and sign-ins (which belong to no region).
        or(eq(auditEvents.regionCode, actor.regionCode), isNull(auditEvents.regionCode)),
      );
      const [rows, [total]] = await Promise.all([
        app.database.db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
          .limit(limit)
          .offset(offset),
        app.database.db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurredAt.toISOString(),
          actor: { userId: r.actorUserId, label: r.actorLabel },
          action: r.action,
          entity: r.entityType,
          entityId: r.entityId,
          changes: r.changes as Record<string, unknown>,
        })),
        total: Number(total?.n ?? 0),
        limit,
        offset,
      };
    },
  );
};
