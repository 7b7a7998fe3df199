import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../lib/format';
import { formatScore, type Matrix, scaleKey, scoreClass } from './api';

/**
 * The combined matrix as a heatmap table: row i influences column j, the median of the scorers
 * in each cell (number and colour), the row sum at the end of each row and the column sums below.
 * Columns are numbered like the rows; their headers carry the full names for screen readers.
 */
export function Heatmap({ matrix }: { matrix: Matrix }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const measureOf = new Map(matrix.measures.map((m) => [m.nodeId, m]));
  const caption = t('matrices.heatmap.caption', { count: matrix.scorers.length });
  const cellText = (row: string, column: string, value: number) => {
    const key = scaleKey(value);
    return `${row} → ${column}: ${formatScore(value, lang)}${key ? ` ${t(`matrices.scale.${key}`)}` : ''}`;
  };
  return (
    <TableScroll label={caption}>
      <table className="heatmap" data-testid="heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-corner">
              {t('matrices.heatmap.corner')}
            </th>
            {matrix.nodes.map((node, j) => (
              <th key={node.id} scope="col" className="heatmap-col" title={node.label}>
                <span aria-hidden="true">{j + 1}</span>
                <span className="visually-hidden">
                  {j + 1} <span lang="sv">{node.label}</span>
                </span>
              </th>
            ))}
            <th scope="col" className="heatmap-sum">
              {t('matrices.measures.rowSum')}
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.nodes.map((row, i) => (
            <tr key={row.id}>
              <th scope="row" className="heatmap-row">
                <span className="row-head">
                  <span className="heatmap-number">{i + 1}</span>{' '}
                  <span className="row-label" lang="sv">
                    {row.label}
                  </span>
                </span>
              </th>
              {matrix.nodes.map((column, j) => {
                if (i === j)
                  return (
                    <td key={column.id} className="heatmap-cell heatmap-diagonal">
                      <span className="visually-hidden">{t('matrices.heatmap.diagonal')}</span>
                    </td>
                  );
                const value = matrix.combined[i]?.[j] ?? null;
                if (value === null)
                  return (
                    <td key={column.id} className="heatmap-cell score-none">
                      <span aria-hidden="true">·</span>
                      <span className="visually-hidden">{t('matrices.heatmap.notScored')}</span>
                    </td>
                  );
                return (
                  <td
                    key={column.id}
                    className={`heatmap-cell ${scoreClass(value)}`}
                    title={cellText(row.label, column.label, value)}
                  >
                    {formatScore(value, lang)}
                  </td>
                );
              })}
              <td className="heatmap-sum num">{formatNumber(measureOf.get(row.id)?.rowSum ?? 0, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('matrices.measures.columnSum')}</th>
            {matrix.nodes.map((node) => (
              <td key={node.id} className="heatmap-sum num">
                {formatNumber(measureOf.get(node.id)?.columnSum ?? 0, lang)}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
