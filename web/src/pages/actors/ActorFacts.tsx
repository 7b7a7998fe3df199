import { useTranslation } from 'react-i18next';
import type { Actor } from '../../api/client';
import { localeFor } from '../../lib/format';

/** All stored facts of an actor, translated. */
export function ActorFacts({
  actor: a,
  areaName,
}: {
  actor: Actor;
  areaName: (code: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(localeFor(i18n.language), { dateStyle: 'long' });
  return (
    <dl className="facts">
      <div>
        <dt>{t('actors.kind')}</dt>
        <dd>{t(`actors.kinds.${a.kind}`)}</dd>
      </div>
      <div>
        <dt>{t('actors.level')}</dt>
        <dd>{t(`actors.levels.${a.level}`)}</dd>
      </div>
      <div>
        <dt>{t('actors.organisationNumber')}</dt>
        <dd className="mono">{a.organisationNumber ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('actors.areaCode')}</dt>
        <dd>{a.areaCode ? (areaName(a.areaCode) ?? a.areaCode) : '–'}</dd>
      </div>
      <div>
        <dt>{t('actors.website')}</dt>
        <dd className="break">
          {a.website ? (
            <a href={a.website} rel="noopener noreferrer">
              {a.website}
            </a>
          ) : (
            '–'
          )}
        </dd>
      </div>
      <div>
        <dt>{t('visibility.label')}</dt>
        <dd>{t(`visibility.${a.visibility}`)}</dd>
      </div>
      <div>
        <dt>{t('actors.updatedAt')}</dt>
        <dd>
          <time dateTime={a.updatedAt}>{date.format(new Date(a.updatedAt))}</time>
        </dd>
      </div>
      <div className="facts-wide">
        <dt>{t('actors.description')}</dt>
        <dd className="description">{a.description ?? '–'}</dd>
      </div>
    </dl>
  );
}
