import { useTranslation } from 'react-i18next';
import type { SteeringResponse } from '../../api/client';
import { formatNumber } from '../../lib/format';
import { FUNDING_SOURCES } from '../efforts/labels';
import type { BreakdownRow, Reach } from './api';

/** Key the server uses for efforts without a priority, strength area or named financier. */
const UNASSIGNED = '(none)';

type Kind = keyof Reach['breakdown'];
const KINDS: Kind[] = ['priority', 'strengthArea', 'source', 'financier'];

/**
 * The period's efforts and money per priority, strength area, funding source and financier.
 * Labels come from the steering data in the UI language when available, else the server's label.
 */
export function BreakdownTables({
  reach,
  steering,
}: {
  reach: Reach;
  steering: SteeringResponse | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const en = lang.startsWith('en');
  const priorities = new Map(
    (steering?.priorities ?? []).map((p) => [
      p.id,
      `${p.number}. ${en ? (p.title.en ?? p.title.sv) : p.title.sv}`,
    ]),
  );
  const strengthAreas = new Map(
    (steering?.strengthAreas ?? []).map((s) => [s.id, en ? (s.name.en ?? s.name.sv) : s.name.sv]),
  );
  const labelOf = (kind: Kind, row: BreakdownRow): string => {
    if (row.key === UNASSIGNED) return t(`territory.breakdown.none.${kind}`);
    if (kind === 'priority') return priorities.get(row.key) ?? row.label ?? row.key;
    if (kind === 'strengthArea') return strengthAreas.get(row.key) ?? row.label ?? row.key;
    if (kind === 'source' && (FUNDING_SOURCES as readonly string[]).includes(row.key)) {
      return t(`efforts.sources.${row.key}`);
    }
    return row.label ?? row.key;
  };

  return (
    <section className="section tight" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t('territory.breakdown.title', reach.period)}</h2>
      <p className="territory-note" data-testid="breakdown-note">
        {t('territory.breakdown.note')}
      </p>
      <div className="breakdown-grid">
        {KINDS.map((kind) => {
          const rows = reach.breakdown[kind];
          return (
            <div className="table-wrap" key={kind}>
              <table className="data-table compact-table" data-testid={`breakdown-${kind}`}>
                <caption>{t(`territory.breakdown.captions.${kind}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`territory.breakdown.columns.${kind}`)}</th>
                    <th scope="col" className="num">
                      {t('territory.breakdown.efforts')}
                    </th>
                    <th scope="col" className="num">
                      {t('territory.breakdown.funding')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.length === 0 ? (
                    <tr>
                      <td colSpan={3} className="muted">
                        {t('territory.breakdown.empty')}
                      </td>
                    </tr>
                  ) : (
                    rows.map((r) => (
                      <tr key={r.key}>
                        <th scope="row">{labelOf(kind, r)}</th>
                        <td className="num">{formatNumber(r.effortCount, lang)}</td>
                        <td className="num">{formatNumber(r.fundingSek, lang)}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          );
        })}
      </div>
    </section>
  );
}
