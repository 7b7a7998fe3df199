/**
 * Works out who is asking (request.actor) for every API request: the session cookie gives the
 * user, user_region_roles their role in this region. Requests without a session cookie are
 * anonymous without touching the database.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/connection.ts';
import { authUsers, userRegionRoles } from '../../db/schema.ts';
import { unauthorized } from '../../server/problem.ts';
import type { Auth } from './auth.ts';
import { type Actor, anonymousActor } from './permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** A write that needs no signed-in user (only the first-run setup, which has its own token). */
    anonymousWrite?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionCookie = /(^|;\s*)(__Secure-)?regionkraft\.session_token=/;

export function actorPlugin(options: { auth: Auth; db: Db; regionCode: string }): FastifyPluginAsync {
  const { auth, db, regionCode } = options;
  return fp(async (app) => {
    app.decorateRequest('actor', null as unknown as Actor);
    app.addHook('onRequest', async (request, reply) => {
      request.actor = anonymousActor(regionCode);
      // The matched route, not the URL as sent: /%61pi/v1/… is routed to /api/v1/… too.
      if (!(request.routeOptions.url ?? '').startsWith('/api/v1/')) return;
      if (!sessionCookie.test(request.headers.cookie ?? '')) return;
      const headers = new Headers();
      headers.set('cookie', request.headers.cookie ?? '');
      const { headers: responseHeaders, response: session } = await auth.api.getSession({
        headers,
        returnHeaders: true,
      });
      // A session near its refresh age gets a renewed cookie.
      const cookies = responseHeaders.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      if (session) request.actor = await loadActor(db, regionCode, session.user.id);
    });
    // What a signed-in user sees is theirs: no shared cache may keep it.
    app.addHook('onSend', async (request, reply) => {
      if (request.actor?.user && (request.routeOptions.url ?? '').startsWith('/api/v1/')) {
        reply.header('cache-control', 'private, no-store');
        reply.header('vary', 'Cookie');
      }
    });
    // No write without a signed-in user, whatever the route: refused before the body is read.
    app.addHook('onRequest', async (request) => {
      if (!(request.routeOptions.url ?? '').startsWith('/api/v1/') || safeMethods.has(request.method)) return;
      if (request.actor.user || request.routeOptions.config?.anonymousWrite) return;
      throw unauthorized();
    });
  });
}

export async function loadActor(db: Db, regionCode: string, userId: string): Promise<Actor> {
  const [row] = await db
    .select({
      id: authUsers.id,
      email: authUsers.email,
      name: authUsers.name,
      isDemo: authUsers.isDemo,
      disabledAt: authUsers.disabledAt,
      role: userRegionRoles.role,
      organisationId: userRegionRoles.organisationId,
    })
    .from(authUsers)
    .leftJoin(
      userRegionRoles,
      and(eq(userRegionRoles.userId, authUsers.id), eq(userRegionRoles.regionCode, regionCode)),
    )
    .where(eq(authUsers.id, userId));
  if (!row || row.disabledAt) return anonymousActor(regionCode);
  return {
    regionCode,
    user: { id: row.id, email: row.email, name: row.name, isDemo: row.isDemo },
    role: row.role ?? null,
    organisationId: row.organisationId ?? null,
  };
}
