/**
 * Mounts better-auth's handler under /api/auth. Only the endpoints Regionkraft uses are open
 * (sign-in, sign-out, session, password change, single sign-on); everything else better-auth
 * offers (sign-up, account deletion …) answers 404. Its `{ message, code }` errors become
 * problem details like every other error of the API.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { problemBody } from '../../server/problem.ts';
import { type Auth, clientIpHeader } from './auth.ts';

const openEndpoints: Array<{ method: 'GET' | 'POST'; path: RegExp }> = [
  { method: 'POST', path: /^\/sign-in\/email$/ },
  { method: 'POST', path: /^\/sign-out$/ },
  { method: 'GET', path: /^\/get-session$/ },
  { method: 'POST', path: /^\/change-password$/ },
  // Single sign-on: better-auth serves OIDC providers through its social sign-in endpoints.
  { method: 'POST', path: /^\/sign-in\/social$/ },
  { method: 'GET', path: /^\/callback\/[a-z0-9-]+$/ },
];

const maxAuthBodyBytes = 16 * 1024;

/**
 * Every failed sign-in takes at least this long. better-auth hashes a dummy password for unknown
 * e-mails, but a known e-mail still costs an extra query or two; a fixed floor hides that
 * difference (and slows down guessing).
 */
export const failedSignInFloorMs = 300;

export function authRoutes(auth: Auth, publicUrl: string): FastifyPluginAsync {
  return async (app) => {
    // better-auth reads the body itself: hand it the raw bytes, whatever the content type.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: maxAuthBodyBytes },
      (_request, body, done) => done(null, body),
    );

    const handle = async (request: FastifyRequest, reply: FastifyReply) => {
      const [pathname = '', query = ''] = request.url.slice('/api/auth'.length).split('?');
      const allowed = openEndpoints.some((e) => e.method === request.method && e.path.test(pathname));
      if (!allowed) {
        return reply
          .code(404)
          .type('application/problem+json')
          .send(problemBody(404, 'Not Found', request.url.split('?')[0] ?? '', 'No such sign-in endpoint'));
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined || name === clientIpHeader) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      // The address Fastify trusts (TRUST_PROXY decides whether X-Forwarded-For counts).
      headers.set(clientIpHeader, request.ip);
      const body = request.body instanceof Buffer && request.body.length > 0 ? request.body : undefined;
      const fetchRequest = new Request(`${publicUrl}/api/auth${pathname}${query ? `?${query}` : ''}`, {
        method: request.method,
        headers,
        body: request.method === 'GET' ? undefined : body,
      });
      const started = performance.now();
      const response = await auth.handler(fetchRequest);
      if (pathname === '/sign-in/email' && response.status === 401) {
        const wait = failedSignInFloorMs - (performance.now() - started);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }

      reply.code(response.status);
      for (const [name, value] of response.headers) {
        if (name === 'set-cookie' || name === 'content-length') continue;
        reply.header(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      reply.header('cache-control', 'no-store');

      const text = await response.text();
      if (response.status >= 400) {
        return reply
          .type('application/problem+json')
          .send(authProblem(response.status, request.url.split('?')[0] ?? '', text));
      }
      return reply.send(withoutSessionToken(text));
    };

    app.route({ method: ['GET', 'POST'], url: '/api/auth/*', schema: { hide: true }, handler: handle });
  };
}

/**
 * better-auth puts the session token in some response bodies (sign-in, get-session); a script
 * injected into the page could read it there, which the HttpOnly cookie is meant to prevent.
 */
export function withoutSessionToken(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof body !== 'object' || body === null) return text;
  const record = body as { token?: unknown; session?: { token?: unknown } | null };
  if (!('token' in record) && !(record.session && 'token' in record.session)) return text;
  const { token: _token, ...rest } = record;
  const session = record.session ? (({ token: _t, ...s }) => s)(record.session) : record.session;
  return JSON.stringify('session' in record ? { ...rest, session } : rest);
}

/** better-auth's `{ message, code }` (or an empty body) as problem details with the code kept. */
export function authProblem(status: number, instance: string, bodyText: string) {
  let message: string | undefined;
  let code: string | undefined;
  try {
    const parsed = JSON.parse(bodyText) as { message?: unknown; code?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
    if (typeof parsed.code === 'string') code = parsed.code;
  } catch {
    // not JSON: keep the status only
  }
  if (status === 429) {
    message = 'Too many attempts: wait a minute and try again';
    code = 'TOO_MANY_REQUESTS';
  }
  // Internal errors are logged by better-auth, never shown.
  if (status >= 500) message = undefined;
  return {
    ...problemBody(status, STATUS_CODES[status] ?? 'Error', instance, message),
    ...(code ? { code } : {}),
  };
}
