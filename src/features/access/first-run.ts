/**
 * The first administrator of a region. On a start with no users, Regionkraft either creates the
 * administrator from REGIONKRAFT_ADMIN_EMAIL/PASSWORD, or makes a one-time setup link (valid 24 h)
 * that `start` prints on the console. Only a hash of the link's token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { setupTokens, userRegionRoles } from '../../db/schema.ts';
import type { Config } from '../../server/config.ts';
import { conflict, HttpProblem } from '../../server/problem.ts';
import { hashPassword } from './auth.ts';
import type { UserOut } from './user-schemas.ts';
import { countUsersInRegion, createUser, insertUser } from './users-service.ts';

const setupValidHours = 24;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type FirstRunOutcome =
  | { kind: 'has-users' }
  | { kind: 'admin-created'; email: string }
  | { kind: 'setup-link'; token: string };

export async function ensureFirstAdmin(db: Db, config: Config): Promise<FirstRunOutcome> {
  if ((await countUsersInRegion(db, config.regionCode)) > 0) return { kind: 'has-users' };
  const admin = config.auth.firstAdmin;
  if (admin) {
    await createUser(
      db,
      { system: 'first run (REGIONKRAFT_ADMIN_EMAIL)', regionCode: config.regionCode },
      { email: admin.email, name: admin.name, role: 'admin', password: admin.password },
    );
    return { kind: 'admin-created', email: admin.email };
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    // Only the newest link works.
    await tx.delete(setupTokens).where(eq(setupTokens.regionCode, config.regionCode));
    await tx.insert(setupTokens).values({
      tokenHash: hashToken(token),
      regionCode: config.regionCode,
      expiresAt: new Date(Date.now() + setupValidHours * 3600_000),
    });
  });
  return { kind: 'setup-link', token };
}

export const setupPath = (token: string) => `/installera#token=${token}`;

export async function setupNeeded(db: Db, regionCode: string): Promise<boolean> {
  return (await countUsersInRegion(db, regionCode)) === 0;
}

/** Creates the first administrator with a setup token. Refused once the region has users. */
export async function completeSetup(
  db: Db,
  regionCode: string,
  input: { token: string; email: string; name: string; password: string },
): Promise<UserOut> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await completeSetupTransaction(db, regionCode, input, passwordHash);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`There is already a user with the e-mail ${input.email}`, 'DUPLICATE_EMAIL');
    throw error;
  }
}

function completeSetupTransaction(
  db: Db,
  regionCode: string,
  input: { token: string; email: string; name: string },
  passwordHash: string,
): Promise<UserOut> {
  return db.transaction(async (tx) => {
    // Serialise concurrent attempts: two links clicked at once make one administrator.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('regionkraft.setup'))`);
    const [anyUser] = await tx
      .select({ id: userRegionRoles.userId })
      .from(userRegionRoles)
      .where(eq(userRegionRoles.regionCode, regionCode))
      .limit(1);
    const [token] = await tx
      .update(setupTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(setupTokens.tokenHash, hashToken(input.token)),
          eq(setupTokens.regionCode, regionCode),
          isNull(setupTokens.usedAt),
          gt(setupTokens.expiresAt, new Date()),
        ),
      )
      .returning({ tokenHash: setupTokens.tokenHash });
    if (anyUser || !token) {
      throw new HttpProblem(
        403,
        'Forbidden',
        'This setup link is not valid (used, expired, or the region already has an administrator). Restart Regionkraft for a new link.',
        undefined,
        'SETUP_LINK_INVALID',
      );
    }
    return insertUser(
      tx,
      { system: 'first-run setup link', regionCode },
      { email: input.email, name: input.name, role: 'admin' },
      passwordHash,
    );
  });
}
