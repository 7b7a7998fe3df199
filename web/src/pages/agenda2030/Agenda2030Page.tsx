import type { CSSProperties } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getSdgs } from '../../api/queries';
import { Localized } from '../../components/Localized';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { useApi } from '../../lib/useApi';

/** Official SDG colours, used only as a decorative stripe (text stays dark on white). */
const SDG_COLORS = [
  '#E5243B',
  '#DDA63A',
  '#4C9F38',
  '#C5192D',
  '#FF3A21',
  '#26BDE2',
  '#FCC30B',
  '#A21942',
  '#FD6925',
  '#DD1367',
  '#FD9D24',
  '#BF8B2E',
  '#3F7E44',
  '#0A97D9',
  '#56C02B',
  '#00689D',
  '#19486A',
];

export function Agenda2030Page() {
  const { t, i18n } = useTranslation();
  const sdgs = useApi(getSdgs, []);
  const listRef = useRef<HTMLOListElement>(null);
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';

  const setAll = (open: boolean) => {
    for (const d of listRef.current?.querySelectorAll('details') ?? []) d.open = open;
  };

  const goals = sdgs.data?.goals ?? [];
  const targetCount = goals.reduce((n, g) => n + g.targets.length, 0);
  const svTargets = goals.reduce((n, g) => n + g.targets.filter((x) => x.title.sv).length, 0);

  return (
    <>
      <PageHeader title={t('agenda.title')} lead={t('agenda.lead')} />
      {sdgs.status === 'loading' ? <Loading /> : null}
      {sdgs.status === 'error' ? <ErrorMessage error={sdgs.error} /> : null}
      {sdgs.data ? (
        <>
          <div className="toolbar">
            <p className="muted">
              {t('agenda.summary', { goals: goals.length, targets: targetCount })}
              {lang === 'sv' && svTargets < targetCount
                ? ` ${t('agenda.svGap', { count: svTargets, total: targetCount })}`
                : ''}
            </p>
            <div className="toolbar-actions">
              <button type="button" className="button button-secondary" onClick={() => setAll(true)}>
                {t('agenda.expandAll')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setAll(false)}>
                {t('agenda.collapseAll')}
              </button>
            </div>
          </div>
          <ol className="sdg-list" ref={listRef} data-testid="sdg-list">
            {goals.map((g) => (
              <li
                key={g.goal}
                className="sdg-goal"
                style={{ '--sdg-color': SDG_COLORS[g.goal - 1] } as CSSProperties}
              >
                <details>
                  <summary>
                    <span className="sdg-number" aria-hidden="true">
                      {g.goal}
                    </span>
                    <span className="sdg-summary-text">
                      <span className="sdg-short">
                        <span className="visually-hidden">
                          {t('agenda.goalNumber', { number: g.goal })}:{' '}
                        </span>
                        <Localized text={g.short} />
                      </span>
                      <span className="sdg-count">
                        {t('agenda.targetCount', { count: g.targets.length })}
                      </span>
                    </span>
                  </summary>
                  <div className="sdg-body">
                    <Localized as="p" className="sdg-title" text={g.title} />
                    <h3 className="visually-hidden">{t('agenda.targetsHeading', { number: g.goal })}</h3>
                    <ol className="target-list">
                      {g.targets.map((target) => (
                        <li key={target.id}>
                          <span className="target-id">{target.id}</span>
                          <Localized text={target.title} />
                        </li>
                      ))}
                    </ol>
                  </div>
                </details>
              </li>
            ))}
          </ol>
          <p className="source-note">{t('agenda.source')}</p>
        </>
      ) : null}
    </>
  );
}
