/**
 * Demo accounts for trying Regionkraft (`regionkraft seed --demo`): one per role, with the
 * passwords below, which are published in the README. They are flagged as demo accounts; the web
 * app shows a "demo" banner while any exist and `start` warns about them. Never run this on an
 * instance with real data.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { authUsers, organisations } from '../../db/schema.ts';
import { hashPassword } from './auth.ts';
import { insertUser } from './users-service.ts';

export const demoOrganisations = [
  {
    name: 'Östersunds kommun',
    kind: 'municipality',
    level: 'local',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Mittuniversitetet',
    kind: 'university',
    level: 'regional',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Exempelföretaget i Åre AB',
    kind: 'company',
    level: 'local',
    areaCode: '2321',
    visibility: 'internal',
  },
] as const;

export const demoAccounts = [
  {
    email: 'admin@demo.regionkraft.example',
    password: 'demo-admin-2026',
    role: 'admin',
    name: 'Demo Administratör',
  },
  {
    email: 'editor@demo.regionkraft.example',
    password: 'demo-editor-2026',
    role: 'editor',
    name: 'Demo Handläggare',
  },
  {
    email: 'partner@demo.regionkraft.example',
    password: 'demo-partner-2026',
    role: 'partner',
    name: 'Demo Partner (Östersunds kommun)',
    organisation: 'Östersunds kommun',
  },
  {
    email: 'viewer@demo.regionkraft.example',
    password: 'demo-viewer-2026',
    role: 'viewer',
    name: 'Demo Läsare',
  },
] as const;

/** Adds the demo organisations and accounts that are missing; returns how many accounts were added. */
export async function seedDemoUsers(
  db: Db,
  regionCode: string,
): Promise<{ accounts: number; organisations: number }> {
  const hashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)));
  return db.transaction(async (tx) => {
    const actor = { system: 'regionkraft seed --demo', regionCode };
    const inserted = await tx
      .insert(organisations)
      .values(
        demoOrganisations.map((o) => ({
          ...o,
          regionCode,
          description: 'Exempeldata för demonstration / example data for the demo',
        })),
      )
      .onConflictDoNothing()
      .returning({ id: organisations.id });
    let accounts = 0;
    for (const [i, account] of demoAccounts.entries()) {
      const [existing] = await tx
        .select({ id: authUsers.id })
        .from(authUsers)
        .where(eq(authUsers.email, account.email));
      if (existing) continue;
      let organisationId: string | null = null;
      if ('organisation' in account) {
        const [org] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(
            sql`${organisations.regionCode} = ${regionCode} and ${organisations.name} = ${account.organisation}`,
          );
        organisationId = org?.id ?? null;
      }
      await insertUser(
        tx,
        actor,
        { email: account.email, name: account.name, role: account.role, organisationId, isDemo: true },
        hashes[i] ?? null,
      );
      accounts++;
    }
    return { accounts, organisations: inserted.length };
  });
}

export async function hasDemoUsers(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: authUsers.id })
    .from(authUsers)
    .where(eq(authUsers.isDemo, true))
    .limit(1);
  return row !== undefined;
}
