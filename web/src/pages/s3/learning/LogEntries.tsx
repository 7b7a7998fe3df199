/** A lesson and a decision changing priorities as the learning log shows them, with their links. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import type { Change, Lesson } from './api';
import { LOG_PATH, nameIn } from './labels';

type Options = { staff: boolean; headingLevel?: 2 | 3; linkTitle?: boolean };

function AreaTag({ area }: { area: Lesson['strengthArea'] }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="s3l-area">
      {area ? nameIn(area.name, i18n.language) : t('s3Learning.wholeProgramme')}
    </span>
  );
}

export function LessonEntry({
  lesson: l,
  staff,
  headingLevel = 2,
  linkTitle = true,
}: { lesson: Lesson } & Options) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `lardom-${l.id}-title`;
  return (
    <article
      className="s3l-entry s3l-lesson"
      id={`lardom-${l.id}`}
      aria-labelledby={titleId}
      data-testid="s3l-lesson"
    >
      <p className="s3l-meta">
        <span className="s3l-type">{t('s3Learning.log.lesson')}</span>
        <span>{formatDate(l.learnedOn, lang)}</span>
        <AreaTag area={l.strengthArea} />
        {l.isExample ? <span className="badge">{t('s3Learning.example')}</span> : null}
      </p>
      <H id={titleId} lang="sv">
        {linkTitle ? <Link to={`${LOG_PATH}/lardom/${l.id}`}>{l.title}</Link> : l.title}
      </H>
      <p className="s3l-text" lang="sv">
        {l.lesson}
      </p>
      {l.evidence ? (
        <p className="s3l-evidence">
          <strong>{t('s3Learning.log.evidence')}:</strong> <span lang="sv">{l.evidence}</span>
        </p>
      ) : null}
      <div className="s3l-links">
        <p className="s3l-links-label">{t('s3Learning.log.meetings')}</p>
        {l.meetings.length ? (
          <ul data-testid="s3l-lesson-meetings">
            {l.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/smart-specialisering/moten/${m.id}`} lang="sv">
                  {m.title}
                </Link>{' '}
                <span className="muted">({formatDate(m.heldOn, lang)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('s3Learning.log.noMeetings')}</p>
        )}
      </div>
      <div className="s3l-links s3l-trace">
        <p className="s3l-links-label">{t('s3Learning.log.ledTo')}</p>
        {l.citedBy.length ? (
          <ul data-testid="s3l-led-to">
            {l.citedBy.map((c) => (
              <li key={c.id}>
                <Link to={`${LOG_PATH}/beslut/${c.id}`} lang="sv">
                  {c.summary}
                </Link>{' '}
                <span className="muted">({formatDate(c.decidedOn, lang)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('s3Learning.log.notYetUsed')}</p>
        )}
      </div>
      {staff ? (
        <p className="s3l-actions">
          <Link
            to={`${LOG_PATH}/lardom/${l.id}/andra`}
            aria-label={t('s3Learning.log.editLesson', { title: l.title })}
          >
            {t('s3Learning.log.edit')}
          </Link>
        </p>
      ) : null}
    </article>
  );
}

export function ChangeEntry({
  change: c,
  staff,
  headingLevel = 2,
  linkTitle = true,
}: { change: Change } & Options) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `beslut-${c.id}-title`;
  const date = formatDate(c.decidedOn, lang);
  const kind = t(`s3Learning.kinds.${c.kind}`);
  return (
    <article
      className="s3l-entry s3l-change"
      id={`beslut-${c.id}`}
      aria-labelledby={titleId}
      data-testid="s3l-change"
    >
      <p className="s3l-meta">
        <span className="s3l-type">{t('s3Learning.log.change')}</span>
        <span>{date}</span>
        <AreaTag area={c.strengthArea} />
        {c.isExample ? <span className="badge">{t('s3Learning.example')}</span> : null}
      </p>
      <H id={titleId}>
        {linkTitle ? (
          <Link to={`${LOG_PATH}/beslut/${c.id}`}>{t('s3Learning.kindChanged', { kind })}</Link>
        ) : (
          t('s3Learning.kindChanged', { kind })
        )}
      </H>
      <p className="s3l-text" lang="sv">
        {c.summary}
      </p>
      <p className="s3l-decided">
        {t('s3Learning.log.decidedOn', { date })}
        {c.decidedBy ? (
          <>
            {' '}
            {t('s3Learning.log.decidedBy', { by: '' })}
            <span lang="sv">{c.decidedBy}</span>
          </>
        ) : null}
        {c.reference ? (
          <>
            {' · '}
            {t('s3Learning.log.reference')}:{' '}
            {/^https?:\/\//.test(c.reference) ? (
              <a href={c.reference}>{c.reference}</a>
            ) : (
              <span lang="sv">{c.reference}</span>
            )}
          </>
        ) : null}
      </p>
      <div className="s3l-links s3l-trace">
        <p className="s3l-links-label">{t('s3Learning.log.buildsOn')}</p>
        <ul data-testid="s3l-builds-on">
          {c.lessons.map((l) => (
            <li key={l.id}>
              <Link to={`${LOG_PATH}/lardom/${l.id}`} lang="sv">
                {l.title}
              </Link>{' '}
              <span className="muted">({formatDate(l.learnedOn, lang)})</span>
            </li>
          ))}
        </ul>
      </div>
      {staff ? (
        <p className="s3l-actions">
          <Link to={`${LOG_PATH}/beslut/${c.id}/andra`} aria-label={t('s3Learning.log.editChange', { date })}>
            {t('s3Learning.log.edit')}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
