/**
 * Sign-in with better-auth: e-mail + password (argon2id), database sessions in an HttpOnly
 * cookie, login rate limiting kept in the database, and optional single sign-on through OpenID
 * Connect (Microsoft Entra ID or any other issuer). Roles are not better-auth's business: they
 * live in user_region_roles (see actor.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth, getCurrentAdapter } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import {
  auditEvents,
  authAccounts,
  authRateLimits,
  authSessions,
  authUsers,
  authVerifications,
  instanceSettings,
} from '../../db/schema.ts';
import type { AuthConfig } from '../../server/config.ts';

/** The header the Fastify wrapper fills with the client address it trusts (never the client's). */
export const clientIpHeader = 'x-regionkraft-client-ip';
export const oidcProviderId = 'sso';
export const minPasswordLength = 12;
export const maxPasswordLength = 128;

// OWASP's recommended argon2id parameters (19 MiB, 2 passes, 1 lane): about 6 ms per hash on
// the 2-core development machine (bench/access.bench.ts).
// algorithm 2 is Argon2id (the package exports it as a const enum, which we cannot import here).
const argon2Options = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const hashPassword = (password: string) => hash(password, argon2Options);
export const verifyPassword = async (hashed: string, password: string) => {
  try {
    return await verify(hashed, password);
  } catch {
    return false; // a malformed hash never signs anyone in
  }
};

type AuthLogger = { warn: (message: string) => void; error: (message: string) => void };

export function createAuth(options: { db: Db; config: AuthConfig; secret: string; logger: AuthLogger }) {
  const { db, config, secret, logger } = options;
  const secure = config.publicUrl.startsWith('https://');
  return betterAuth({
    appName: 'Regionkraft',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    telemetry: { enabled: false },
    // Only the configured address (and, for a local install, its localhost/127.0.0.1 twin): the
    // Host header is the client's to choose and must not decide what is trusted.
    trustedOrigins: trustedOriginsFor(config.publicUrl),
    database: drizzleAdapter(db, {
      provider: 'pg',
      transaction: true,
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        rateLimit: authRateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by administrators (or the first-run setup), never by strangers.
      disableSignUp: true,
      minPasswordLength,
      maxPasswordLength,
      password: {
        hash: hashPassword,
        verify: ({ hash: hashed, password }) => verifyPassword(hashed, password),
      },
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: config.sessionHours * 3600,
      updateAge: Math.min(3600, config.sessionHours * 1800),
    },
    user: {
      changeEmail: { enabled: false },
      deleteUser: { enabled: false },
      // Our own columns, known to better-auth so that its hooks can read them; never user input.
      additionalFields: {
        disabledAt: { type: 'date', required: false, input: false },
        isDemo: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    account: {
      // Single sign-on attaches to the account an administrator created with the same e-mail.
      // The issuer is the region's own (e.g. its Entra tenant) and accounts are only made by
      // administrators, so the e-mail needs no separate verification here.
      accountLinking: {
        enabled: true,
        trustedProviders: [oidcProviderId],
        allowDifferentEmails: false,
        requireLocalEmailVerified: false,
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInAttemptsPerMinute },
        '/change-password': { window: 60, max: config.signInAttemptsPerMinute },
      },
    },
    advanced: {
      // better-auth turns its origin check off when NODE_ENV=test; keep it on everywhere, so the
      // tests see what production does.
      disableOriginCheck: false,
      cookiePrefix: 'regionkraft',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      database: { generateId: () => randomUUID() },
    },
    logger: {
      level: 'warn',
      log: (level, message) => {
        // "User not found" and the like are expected on wrong passwords; keep them out of logs.
        if (level === 'error') logger.error(`auth: ${message}`);
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            // Inside better-auth's transaction (password change, single sign-on) a query on
            // another connection would wait for it forever on PGlite: use the current adapter.
            const user = ctx
              ? await (await getCurrentAdapter(ctx.context.adapter)).findOne<{ disabledAt: Date | null }>({
                  model: 'user',
                  where: [{ field: 'id', value: session.userId }],
                })
              : (
                  await db
                    .select({ disabledAt: authUsers.disabledAt })
                    .from(authUsers)
                    .where(eq(authUsers.id, session.userId))
                )[0];
            if (!user || user.disabledAt) {
              throw new APIError('FORBIDDEN', {
                message: 'This account is switched off',
                code: 'ACCOUNT_DISABLED',
              });
            }
          },
          after: async (session) => {
            const [user] = await db
              .select({ email: authUsers.email })
              .from(authUsers)
              .where(eq(authUsers.id, session.userId));
            await db.insert(auditEvents).values({
              actorUserId: session.userId,
              actorLabel: user?.email ?? session.userId,
              action: 'sign_in',
              entityType: 'user',
              entityId: session.userId,
              changes: { ipAddress: session.ipAddress ?? null },
            });
          },
        },
      },
      account: {
        update: {
          after: async (account) => {
            if (account.providerId !== 'credential' || !('password' in account)) return;
            const [user] = await db
              .select({ email: authUsers.email })
              .from(authUsers)
              .where(eq(authUsers.id, account.userId));
            await db.insert(auditEvents).values({
              actorUserId: account.userId,
              actorLabel: user?.email ?? account.userId,
              action: 'password_change',
              entityType: 'user',
              entityId: account.userId,
              changes: {},
            });
          },
        },
      },
    },
    plugins: config.oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: oidcProviderId,
                discoveryUrl: `${config.oidc.issuer}/.well-known/openid-configuration`,
                clientId: config.oidc.clientId,
                clientSecret: config.oidc.clientSecret,
                scopes: ['openid', 'profile', 'email'],
                pkce: true,
                requireIdTokenVerification: true,
                // Only people an administrator has added (by e-mail) may sign in.
                disableImplicitSignUp: true,
              },
            ],
          }),
        ]
      : [],
  });
}

export type Auth = ReturnType<typeof createAuth>;

export function trustedOriginsFor(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twins: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' };
  const twin = twins[url.hostname];
  if (!twin) return [url.origin];
  const other = new URL(url.origin);
  other.hostname = twin;
  return [url.origin, other.origin];
}

/**
 * The secret that signs session cookies: REGIONKRAFT_AUTH_SECRET, or one generated on first
 * start and kept in the database (so every app server on the same database shares it).
 */
export async function loadAuthSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const key = 'auth_secret';
  await db
    .insert(instanceSettings)
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  if (!row) throw new Error('could not store the auth secret');
  return row.value;
}
