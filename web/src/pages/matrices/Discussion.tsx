import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../../components/TableScroll';
import { formatScore, type Matrix, scaleKey } from './api';

/**
 * "Att diskutera": the cells where the scorers are three points or more apart, with each scorer's
 * score, and the strong negative links (−2, −3), which also land in the goal-conflict review queue.
 */
export function Discussion({ matrix, readsQueue }: { matrix: Matrix; readsQueue: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const labelOf = new Map(matrix.nodes.map((n) => [n.id, n.label]));
  const indexOf = new Map(matrix.nodes.map((n, i) => [n.id, i]));
  const median = (row: string, column: string) =>
    matrix.combined[indexOf.get(row) ?? -1]?.[indexOf.get(column) ?? -1] ?? null;
  const named = (score: number) => {
    const key = scaleKey(score);
    return `${formatScore(score, lang)}${key ? ` ${t(`matrices.scale.${key}`)}` : ''}`;
  };
  return (
    <>
      <h3 id="disagreements-title">{t('matrices.discuss.disagreementsTitle')}</h3>
      <p>{t('matrices.discuss.disagreementsLead')}</p>
      {matrix.disagreements.length === 0 ? (
        <p data-testid="disagreements-none">{t('matrices.discuss.noDisagreements')}</p>
      ) : (
        <TableScroll
          label={t('matrices.discuss.disagreementsCaption', { count: matrix.disagreements.length })}
        >
          <table className="data-table disagreement-table" data-testid="disagreements">
            <caption>
              {t('matrices.discuss.disagreementsCaption', { count: matrix.disagreements.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('matrices.discuss.link')}</th>
                {matrix.scorers.map((s) => (
                  <th key={s.id} scope="col" className="num">
                    {s.name}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('matrices.discuss.median')}
                </th>
                <th scope="col" className="num">
                  {t('matrices.discuss.spread')}
                </th>
              </tr>
            </thead>
            <tbody>
              {matrix.disagreements.map((d) => {
                const scoreOf = new Map(d.scores.map((s) => [s.scorerId, s.score]));
                const m = median(d.rowNodeId, d.columnNodeId);
                return (
                  <tr key={`${d.rowNodeId}-${d.columnNodeId}`}>
                    <th scope="row">
                      <span lang="sv">{labelOf.get(d.rowNodeId)}</span> →{' '}
                      <span lang="sv">{labelOf.get(d.columnNodeId)}</span>
                    </th>
                    {matrix.scorers.map((s) => {
                      const score = scoreOf.get(s.id);
                      return (
                        <td key={s.id} className="num">
                          {score === undefined ? (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="visually-hidden">{t('matrices.heatmap.notScored')}</span>
                            </>
                          ) : (
                            formatScore(score, lang)
                          )}
                        </td>
                      );
                    })}
                    <td className="num">{m === null ? '–' : formatScore(m, lang)}</td>
                    <td className="num">{d.spread}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 id="negative-title">{t('matrices.discuss.negativeTitle')}</h3>
      <p data-testid="queue-note">
        {t('matrices.discuss.negativeLead')}{' '}
        {readsQueue ? (
          <Link to="/malkonflikter/forslag">{t('matrices.discuss.queueLink')}</Link>
        ) : (
          t('matrices.discuss.queueInternal')
        )}
      </p>
      {matrix.strongNegativeLinks.length === 0 ? (
        <p>{t('matrices.network.noNegative')}</p>
      ) : (
        <ul className="negative-list" data-testid="negative-links">
          {matrix.strongNegativeLinks.map((l) => (
            <li key={`${l.rowNodeId}-${l.columnNodeId}`}>
              <strong>
                <span lang="sv">{labelOf.get(l.rowNodeId)}</span> →{' '}
                <span lang="sv">{labelOf.get(l.columnNodeId)}</span>
              </strong>
              : {named(l.score)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
