import { useTranslation } from 'react-i18next';
import { Localized, pickText } from '../../components/Localized';
import { formatNumber } from '../../lib/format';
import type { AreaProfile } from '../territory/api';
import { formatSigned, formatValue } from '../territory/format';

type Context = AreaProfile['development']['context'][number];

/**
 * "Utveckling där insatser verkar": what the efforts report, next to how the context indicators
 * have changed since the first effort began. Development, not effect: nothing links the two.
 */
export function ProfileDevelopment({ profile }: { profile: AreaProfile }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { name } = profile.area;
  const { since, results, context } = profile.development;

  return (
    <section className="section tight" aria-labelledby="development-title" data-testid="development">
      <h2 id="development-title">{t('territory.development.title')}</h2>
      <p className="development-note" data-testid="development-note">
        <strong>{t('territory.development.notEffectTitle')}</strong> {t('territory.development.notEffect')}
      </p>
      {since === null ? (
        <p className="muted">{t('territory.development.noSince', { name })}</p>
      ) : (
        <>
          <p>{t('territory.development.intro', { name, since })}</p>
          <div className="development-grid">
            <div>
              <h3>{t('territory.development.resultsTitle')}</h3>
              {results.length === 0 ? (
                <p className="muted" data-testid="development-no-results">
                  {t('territory.development.noResults', { name })}
                </p>
              ) : (
                <div className="table-wrap">
                  <table className="data-table compact-table" data-testid="development-results">
                    <caption>{t('territory.development.resultsCaption', { name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('territory.development.resultColumn')}</th>
                        <th scope="col">{t('territory.development.kindColumn')}</th>
                        <th scope="col" className="num">
                          {t('territory.development.totalColumn')}
                        </th>
                        <th scope="col" className="num">
                          {t('territory.development.effortsColumn')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {results.map((r) => (
                        <tr key={`${r.kind}|${r.name}|${r.unit}`}>
                          <th scope="row" lang="sv">
                            {r.name}
                          </th>
                          <td>{t(`efforts.indicatorKinds.${r.kind}`)}</td>
                          <td className="num">
                            {formatValue(r.total, lang)} <span lang="sv">{r.unit}</span>
                          </td>
                          <td className="num">{formatNumber(r.efforts, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
            <div>
              <h3>{t('territory.development.contextTitle', { since })}</h3>
              {context.length === 0 ? (
                <p className="muted">{t('territory.development.noContext', { name, since })}</p>
              ) : (
                <div className="table-wrap">
                  <table className="data-table compact-table" data-testid="development-context">
                    <caption>{t('territory.development.contextCaption', { name, since })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('territory.development.indicatorColumn')}</th>
                        <th scope="col" className="num">
                          {t('territory.development.fromColumn')}
                        </th>
                        <th scope="col" className="num">
                          {t('territory.development.toColumn')}
                        </th>
                        <th scope="col" className="num">
                          {t('territory.development.changeColumn')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {context.map((c) => (
                        <tr key={c.indicatorId}>
                          <th scope="row">
                            <Localized text={c.title} />
                            <span className="cell-note"> ({pickText(c.unit, lang)})</span>
                          </th>
                          <td className="num">
                            {formatValue(c.from.value, lang)}
                            <span className="cell-note"> ({c.from.year})</span>
                          </td>
                          <td className="num">
                            {formatValue(c.to.value, lang)}
                            <span className="cell-note"> ({c.to.year})</span>
                          </td>
                          <td className="num change-cell">
                            {formatSigned(c.change, lang)}
                            {directionText(c, t) ? (
                              <span className="cell-note"> ({directionText(c, t)})</span>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function directionText(c: Context, t: (key: string) => string): string {
  if (c.change === 0 || c.polarity === 'neutral') return '';
  const desired = c.change > 0 === (c.polarity === 'higher_is_better');
  return t(desired ? 'territory.development.desired' : 'territory.development.undesired');
}
