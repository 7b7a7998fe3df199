/**
 * Targets decided in the region's and the country's steering documents, added once per region
 * (on start and by `regionkraft seed`). After that they belong to the region's editors: a target
 * they change or remove is not put back (a marker in instance_settings records the first time).
 */
import type { Db } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';

type KnownTarget = Omit<typeof t.indicatorTargets.$inferInsert, 'regionCode' | 'areaCode'>;

const knownTargets: Record<string, KnownTarget[]> = {
  '23': [
    {
      indicatorId: 'bredband_100mbit_hushall_pct',
      sex: 'total',
      value: 95,
      year: 2020,
      source:
        'Nationellt mål: 95 % av hushåll och företag med tillgång till minst 100 Mbit/s år 2020 (Sverige helt uppkopplat 2025 – en bredbandsstrategi, regeringen 2016)',
    },
    {
      indicatorId: 'bredband_1gbit_hushall_pct',
      sex: 'total',
      value: 98,
      year: 2025,
      source:
        'Regional plan för bredband 2023–2025 (RUN/269/2022): 98 % av hushåll och företag med minst 1 Gbit/s år 2025',
    },
  ],
};

export async function seedKnownTargets(db: Db, regionCode: string): Promise<number> {
  const targets = knownTargets[regionCode] ?? [];
  if (targets.length === 0) return 0;
  return db.transaction(async (tx) => {
    const [marker] = await tx
      .insert(t.instanceSettings)
      .values({ key: `known-targets-added:${regionCode}`, value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (!marker) return 0;
    const added = await tx
      .insert(t.indicatorTargets)
      .values(targets.map((target) => ({ ...target, regionCode, areaCode: regionCode })))
      .onConflictDoNothing()
      .returning();
    for (const row of added) {
      await recordAudit(
        tx,
        { system: 'regionkraft seed', regionCode },
        {
          action: 'create',
          entityType: 'indicator_target',
          entityId: row.id,
          before: null,
          after: { indicatorId: row.indicatorId, areaCode: row.areaCode, value: row.value, year: row.year },
        },
      );
    }
    return added.length;
  });
}
