/**
 * Refuses state-changing requests that a browser sent from another site (CSRF). Session cookies
 * are SameSite=Lax already; this is the second lock: the Origin header (or, without one, the
 * browser's Sec-Fetch-Site) must say the request comes from this site. Clients that are not
 * browsers (curl, scripts) send neither and are let through: they cannot ride on a user's cookie.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { problemBody } from '../../server/problem.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CrossSiteInput = {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
  publicUrl: string;
};

/** Returns why the request is refused, or null when it may go on. */
export function crossSiteRefusal(input: CrossSiteInput): string | null {
  if (safeMethods.has(input.method.toUpperCase())) return null;
  if (input.origin !== undefined) {
    if (input.origin === 'null') return 'Requests from an opaque origin may not change data';
    let origin: URL;
    try {
      origin = new URL(input.origin);
    } catch {
      return 'The Origin header is not a valid origin';
    }
    // The Host header as a URL of the origin's scheme, so "localhost:80" equals "http://localhost".
    const ownHost = input.host ? hostAs(origin.protocol, input.host) : null;
    const allowed = [new URL(input.publicUrl).host, ownHost];
    return allowed.includes(origin.host) ? null : `Requests from ${input.origin} may not change data here`;
  }
  if (input.secFetchSite === 'cross-site' || input.secFetchSite === 'same-site') {
    return 'Requests from another site may not change data here';
  }
  return null;
}

function hostAs(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

export function crossSitePlugin(publicUrl: string): FastifyPluginAsync {
  return fp(async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      // The matched route, not the URL as sent: /%61pi/… is routed to /api/… too.
      if (!(request.routeOptions.url ?? '').startsWith('/api/')) return;
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const reason = crossSiteRefusal({
        method: request.method,
        origin: header('origin'),
        secFetchSite: header('sec-fetch-site'),
        host: header('host'),
        publicUrl,
      });
      if (reason) {
        return reply
          .code(403)
          .type('application/problem+json')
          .send(
            problemBody(
              403,
              'Forbidden',
              request.url.split('?')[0] ?? '',
              reason,
              undefined,
              'CROSS_SITE_REQUEST',
            ),
          );
      }
    });
  });
}
