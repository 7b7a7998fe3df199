import { GraphChart } from 'echarts/charts';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { type EChartsOption, echarts, escapeHtml } from '../../components/echarts';
import { formatScore, type Matrix, type NodeKind, scaleKey } from './api';
import { useNarrow } from './useNarrow';

echarts.use([GraphChart]);

const POSITIVE = '#01665e';
const NEGATIVE = '#b35806';
/** Node kinds differ by shape as well as colour, so colour is not the only carrier. */
const KIND_STYLE: Record<NodeKind, { color: string; symbol: string }> = {
  priority: { color: '#12507a', symbol: 'circle' },
  strength_area: { color: '#6a3d9a', symbol: 'rect' },
  sdg_target: { color: '#3b4a57', symbol: 'diamond' },
  own_goal: { color: '#8c510a', symbol: 'triangle' },
};
const KINDS = Object.keys(KIND_STYLE) as NodeKind[];

/**
 * The combined links as a network: nodes on a circle, an arrow from the influencing node to the
 * influenced one, teal solid lines for positive and orange dashed lines for negative links, width
 * by strength. The text below the chart lists the strong negative links and reinforcing groups.
 */
export function NetworkGraph({ matrix }: { matrix: Matrix }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const narrow = useNarrow();
  const [strongOnly, setStrongOnly] = useState(true);
  const checkboxId = useId();
  const labelOf = new Map(matrix.nodes.map((n) => [n.id, n.label]));
  const numberOf = new Map(matrix.nodes.map((n, i) => [n.id, i + 1]));

  const links = useMemo(() => {
    const list: { source: string; target: string; value: number }[] = [];
    matrix.combined.forEach((row, i) => {
      row.forEach((value, j) => {
        if (i === j || value === null || value === 0) return;
        if (strongOnly && Math.abs(value) < 2) return;
        const source = matrix.nodes[i]?.id;
        const target = matrix.nodes[j]?.id;
        if (source && target) list.push({ source, target, value });
      });
    });
    return list;
  }, [matrix, strongOnly]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: labelOf and numberOf follow matrix
  const option = useMemo<EChartsOption>(() => {
    const cellText = (value: number) => {
      const key = scaleKey(value);
      return `${formatScore(value, lang)}${key ? ` ${t(`matrices.scale.${key}`)}` : ''}`;
    };
    return {
      animation: false,
      legend: {
        top: 0,
        left: 0,
        data: KINDS.map((k) => ({ name: t(`matrices.kinds.${k}`), icon: KIND_STYLE[k].symbol })),
        textStyle: { color: '#14212b' },
      },
      tooltip: {
        formatter: (params: unknown) => {
          const p = params as {
            dataType: 'node' | 'edge';
            data: { id?: string; source?: string; target?: string; value?: number };
          };
          if (p.dataType === 'edge') {
            const { source = '', target = '', value = 0 } = p.data;
            return escapeHtml(`${labelOf.get(source)} → ${labelOf.get(target)}: ${cellText(value)}`);
          }
          return escapeHtml(labelOf.get(p.data.id ?? '') ?? '');
        },
      },
      series: [
        {
          type: 'graph',
          // Own circle (clockwise from the top) so labels can sit outside it, left or right.
          layout: 'none',
          top: narrow ? 56 : 80,
          bottom: narrow ? 20 : 30,
          left: narrow ? 24 : 260,
          right: narrow ? 24 : 260,
          roam: false,
          categories: KINDS.map((k) => ({
            name: t(`matrices.kinds.${k}`),
            itemStyle: { color: KIND_STYLE[k].color },
            symbol: KIND_STYLE[k].symbol,
          })),
          data: matrix.nodes.map((node, i) => {
            const angle = -Math.PI / 2 + (2 * Math.PI * i) / matrix.nodes.length;
            const x = Math.cos(angle) * 100;
            const y = Math.sin(angle) * 100;
            const side = Math.abs(x) < 1 ? (y < 0 ? 'top' : 'bottom') : x > 0 ? 'right' : 'left';
            return {
              id: node.id,
              x,
              y,
              name: node.id,
              category: KINDS.indexOf(node.kind),
              symbol: KIND_STYLE[node.kind].symbol,
              symbolSize: narrow ? 26 : 18,
              label: {
                show: true,
                position: narrow ? 'inside' : side,
                color: narrow ? '#ffffff' : '#14212b',
                fontSize: narrow ? 11 : 12,
                formatter: () => {
                  const number = numberOf.get(node.id) ?? '';
                  if (narrow) return String(number);
                  const label = node.label.length > 32 ? `${node.label.slice(0, 31)}…` : node.label;
                  return `${number} ${label}`;
                },
              },
            };
          }),
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          links: links.map((l) => ({
            source: l.source,
            target: l.target,
            value: l.value,
            lineStyle: {
              color: l.value > 0 ? POSITIVE : NEGATIVE,
              type: l.value > 0 ? 'solid' : 'dashed',
              width: Math.abs(l.value) * 1.4,
              curveness: 0.18,
              opacity: 0.85,
            },
          })),
          emphasis: { focus: 'adjacency', lineStyle: { opacity: 1 } },
        },
      ],
    };
  }, [matrix, links, narrow, lang, t]);

  return (
    <>
      <p className="checkbox network-filter">
        <input
          id={checkboxId}
          type="checkbox"
          checked={strongOnly}
          onChange={(e) => setStrongOnly(e.target.checked)}
        />
        <label htmlFor={checkboxId}>{t('matrices.network.strongOnly')}</label>
      </p>
      <EChart
        option={option}
        label={t('matrices.network.chartLabel', { count: links.length })}
        height={narrow ? 360 : 560}
        testId="network-graph"
      />
      <p className="network-key" data-testid="network-key">
        <span className="line-sample line-positive" aria-hidden="true" /> {t('matrices.network.positive')}{' '}
        <span className="line-sample line-negative" aria-hidden="true" /> {t('matrices.network.negative')}{' '}
        {t('matrices.network.width')}
        {narrow ? ` ${t('matrices.network.numbers')}` : ''}
      </p>
      <div className="network-text" data-testid="network-text">
        <h3>{t('matrices.network.groupsTitle')}</h3>
        {matrix.reinforcingGroups.length === 0 ? (
          <p>{t('matrices.network.noGroups')}</p>
        ) : (
          <>
            <p>{t('matrices.network.groupsLead')}</p>
            <ul>
              {matrix.reinforcingGroups.map((group) => (
                <li key={group.join()} lang="sv">
                  {group.map((id) => labelOf.get(id)).join(' ⇄ ')}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('matrices.network.negativeTitle')}</h3>
        {matrix.strongNegativeLinks.length === 0 ? (
          <p>{t('matrices.network.noNegative')}</p>
        ) : (
          <ul>
            {matrix.strongNegativeLinks.map((l) => (
              <li key={`${l.rowNodeId}-${l.columnNodeId}`}>
                <span lang="sv">{labelOf.get(l.rowNodeId)}</span> →{' '}
                <span lang="sv">{labelOf.get(l.columnNodeId)}</span>:{' '}
                {`${formatScore(l.score, lang)}${scaleKey(l.score) ? ` ${t(`matrices.scale.${scaleKey(l.score)}`)}` : ''}`}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
