/**
 * User accounts and their roles in the region. Passwords are hashed with argon2id before the
 * transaction; the account, its role and the audit row are written together.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbTransaction } from '../../db/connection.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  authAccounts,
  authSessions,
  authUsers,
  organisations,
  type Role,
  userRegionRoles,
} from '../../db/schema.ts';
import { conflict, HttpProblem, notFound } from '../../server/problem.ts';
import { versionMismatch } from '../../shared/optimistic-lock.ts';
import { compareSwedish } from '../../shared/text.ts';
import { type AuditActor, recordAudit } from '../audit/audit.ts';
import { hashPassword } from './auth.ts';
import type { UserOut, UserPatch } from './user-schemas.ts';

const entityType = 'user';

type UserRow = {
  id: string;
  email: string;
  name: string;
  disabledAt: Date | null;
  isDemo: boolean;
  createdAt: Date;
  role: Role | null;
  organisationId: string | null;
  organisationName: string | null;
  version: number | null;
  hasPassword: boolean;
  alsoInOtherRegions: boolean;
};

function present(r: UserRow): UserOut {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    organisation: r.organisationId ? { id: r.organisationId, name: r.organisationName ?? '' } : null,
    disabled: r.disabledAt !== null,
    isDemo: r.isDemo,
    hasPassword: r.hasPassword,
    alsoInOtherRegions: r.alsoInOtherRegions,
    version: r.version ?? 0,
    createdAt: r.createdAt.toISOString(),
  };
}

/** What the audit trail records of a user (never the password). */
const auditView = (u: UserOut) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  organisationId: u.organisation?.id ?? null,
  disabled: u.disabled,
});

function selectUsers(db: Db | DbTransaction, regionCode: string) {
  return db
    .select({
      id: authUsers.id,
      email: authUsers.email,
      name: authUsers.name,
      disabledAt: authUsers.disabledAt,
      isDemo: authUsers.isDemo,
      createdAt: authUsers.createdAt,
      role: userRegionRoles.role,
      organisationId: userRegionRoles.organisationId,
      organisationName: organisations.name,
      version: userRegionRoles.version,
      alsoInOtherRegions: sql<boolean>`exists (select 1 from ${userRegionRoles} o where o.user_id = ${authUsers.id} and o.region_code <> ${regionCode})`,
      hasPassword: sql<boolean>`exists (select 1 from ${authAccounts} where ${authAccounts.userId} = ${authUsers.id} and ${authAccounts.providerId} = 'credential' and ${authAccounts.password} is not null)`,
    })
    .from(authUsers)
    .innerJoin(
      userRegionRoles,
      and(eq(userRegionRoles.userId, authUsers.id), eq(userRegionRoles.regionCode, regionCode)),
    )
    .leftJoin(organisations, eq(organisations.id, userRegionRoles.organisationId));
}

export async function listUsers(db: Db, regionCode: string): Promise<UserOut[]> {
  const rows = await selectUsers(db, regionCode);
  return rows
    .map((r) => present({ ...r, hasPassword: Boolean(r.hasPassword) }))
    .sort((a, b) => compareSwedish(a.name, b.name));
}

export async function getUser(
  db: Db | DbTransaction,
  regionCode: string,
  id: string,
): Promise<UserOut | undefined> {
  const [row] = await selectUsers(db, regionCode).where(eq(authUsers.id, id));
  return row
    ? present({
        ...row,
        hasPassword: Boolean(row.hasPassword),
        alsoInOtherRegions: Boolean(row.alsoInOtherRegions),
      })
    : undefined;
}

async function assertOrganisationFitsRole(
  tx: DbTransaction,
  regionCode: string,
  role: Role,
  organisationId: string | null | undefined,
) {
  if (role !== 'partner') {
    if (organisationId) {
      throw new HttpProblem(400, 'Bad Request', 'Only partners belong to an organisation', [
        { field: 'body.organisationId', message: 'must be empty unless the role is partner' },
      ]);
    }
    return;
  }
  if (!organisationId) {
    throw new HttpProblem(400, 'Bad Request', 'A partner must belong to an organisation', [
      { field: 'body.organisationId', message: 'is required for partners' },
    ]);
  }
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.regionCode, regionCode)));
  if (!org) {
    throw new HttpProblem(400, 'Bad Request', `No organisation ${organisationId} in this region`, [
      { field: 'body.organisationId', message: 'must be an organisation of the region' },
    ]);
  }
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  organisationId?: string | null | undefined;
  password?: string | undefined;
  isDemo?: boolean;
};

/** Creates an account with a role in the region. Throws 409 when the e-mail is taken. */
export async function createUser(db: Db, actor: AuditActor, user: NewUser): Promise<UserOut> {
  const passwordHash = user.password ? await hashPassword(user.password) : null;
  try {
    return await db.transaction((tx) => insertUser(tx, actor, user, passwordHash));
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`There is already a user with the e-mail ${user.email}`, 'DUPLICATE_EMAIL');
    throw error;
  }
}

export async function insertUser(
  tx: DbTransaction,
  actor: AuditActor,
  user: NewUser,
  passwordHash: string | null,
): Promise<UserOut> {
  await assertOrganisationFitsRole(tx, actor.regionCode, user.role, user.organisationId);
  const id = randomUUID();
  await tx.insert(authUsers).values({
    id,
    email: user.email.toLowerCase(),
    name: user.name,
    emailVerified: false,
    isDemo: user.isDemo ?? false,
  });
  if (passwordHash) {
    await tx.insert(authAccounts).values({
      id: randomUUID(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: passwordHash,
    });
  }
  await tx.insert(userRegionRoles).values({
    userId: id,
    regionCode: actor.regionCode,
    role: user.role,
    organisationId: user.role === 'partner' ? (user.organisationId ?? null) : null,
  });
  const created = await getUser(tx, actor.regionCode, id);
  if (!created) throw new Error('created user not found');
  await recordAudit(tx, actor, {
    action: 'create',
    entityType,
    entityId: id,
    before: null,
    after: auditView(created),
  });
  return created;
}

/**
 * Changes a user's name, role, organisation or switches the account off. `authorise` sees the
 * user as it is (locked, in the transaction) and throws when the actor may not do the change.
 */
export async function updateUser(
  db: Db,
  actor: AuditActor,
  id: string,
  expectedVersion: number,
  patch: UserPatch,
  authorise: (current: UserOut) => void,
): Promise<UserOut> {
  return db.transaction(async (tx) => {
    await tx
      .select({ v: userRegionRoles.version })
      .from(userRegionRoles)
      .where(and(eq(userRegionRoles.userId, id), eq(userRegionRoles.regionCode, actor.regionCode)))
      .for('update');
    const current = await getUser(tx, actor.regionCode, id);
    if (!current) throw notFound(`No user ${id} in this region`);
    authorise(current);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const role = patch.role ?? current.role ?? 'viewer';
    const organisationId =
      patch.organisationId !== undefined
        ? patch.organisationId
        : role === 'partner'
          ? (current.organisation?.id ?? null)
          : null;
    await assertOrganisationFitsRole(tx, actor.regionCode, role, organisationId);
    await tx
      .update(userRegionRoles)
      .set({ role, organisationId, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(userRegionRoles.userId, id), eq(userRegionRoles.regionCode, actor.regionCode)));
    if (patch.name !== undefined || patch.disabled !== undefined) {
      await tx
        .update(authUsers)
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.disabled !== undefined
            ? { disabledAt: patch.disabled ? (current.disabled ? undefined : new Date()) : null }
            : {}),
          updatedAt: new Date(),
        })
        .where(eq(authUsers.id, id));
    }
    // A switched-off account is signed out everywhere at once.
    if (patch.disabled === true) await tx.delete(authSessions).where(eq(authSessions.userId, id));
    const updated = await getUser(tx, actor.regionCode, id);
    if (!updated) throw new Error('updated user not found');
    await recordAudit(tx, actor, {
      action: 'update',
      entityType,
      entityId: id,
      before: auditView(current),
      after: auditView(updated),
    });
    return updated;
  });
}

/** Sets a new password (an administrator's reset); the user's sessions end. */
export async function setPassword(
  db: Db,
  actor: AuditActor,
  id: string,
  password: string,
  authorise: (current: UserOut) => void,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const current = await getUser(tx, actor.regionCode, id);
    if (!current) throw notFound(`No user ${id} in this region`);
    authorise(current);
    const updated = await tx
      .update(authAccounts)
      .set({ password: passwordHash, updatedAt: new Date() })
      .where(and(eq(authAccounts.userId, id), eq(authAccounts.providerId, 'credential')))
      .returning({ id: authAccounts.id });
    if (updated.length === 0) {
      await tx.insert(authAccounts).values({
        id: randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
      });
    }
    await tx.delete(authSessions).where(eq(authSessions.userId, id));
    await recordAudit(tx, actor, {
      action: 'password_reset',
      entityType,
      entityId: id,
      before: null,
      after: null,
    });
  });
}

export async function countUsersInRegion(db: Db, regionCode: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userRegionRoles)
    .where(eq(userRegionRoles.regionCode, regionCode));
  return Number(row?.n ?? 0);
}
