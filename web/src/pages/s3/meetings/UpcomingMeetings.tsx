import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useApi } from '../../../lib/useApi';
import type { S3AreaSectionProps } from '../S3AreaSectionProps';
import { areaCalendarUrl, listMeetings } from './api';
import { meetingPlace, meetingWhen } from './labels';
import { RegistrationForm } from './RegistrationForm';
import './meetings.css';

/**
 * The strength-area page's section of upcoming published meetings: date, place and format, a
 * registration form for those that take registrations, and the area's calendar.
 */
export function UpcomingMeetings({ areaId, slug, name }: S3AreaSectionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sv = lang.startsWith('en') ? 'sv' : undefined;
  const meetings = useApi(() => listMeetings({ area: slug, when: 'upcoming' }), [slug]);
  const headingId = `upcoming-meetings-${areaId}`;
  // Internal meetings are left out even for staff: this is the public page's section.
  const shown = meetings.data?.filter((m) => m.visibility === 'published') ?? [];
  return (
    <section
      className="section upcoming-meetings"
      aria-labelledby={headingId}
      data-testid="upcoming-meetings-section"
    >
      <h2 id={headingId}>{t('s3Meetings.upcomingSection.title')}</h2>
      <p>{t('s3Meetings.upcomingSection.lead', { area: name })}</p>
      {meetings.status === 'loading' ? <Loading /> : null}
      {meetings.status === 'error' ? <ErrorMessage error={meetings.error} /> : null}
      {meetings.status === 'ok' && shown.length === 0 ? (
        <p className="muted">{t('s3Meetings.upcomingSection.none')}</p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="meeting-list">
          {shown.map((m) => (
            <li key={m.id} className="meeting-card">
              <h3 lang={sv}>
                <Link to={`/smart-specialisering/moten/${m.id}`}>{m.title}</Link>
              </h3>
              <p>
                <time dateTime={m.heldOn}>{meetingWhen(m, lang)}</time>
                {' · '}
                {meetingPlace(t, m)}
                {' · '}
                {t(`s3Meetings.formats.${m.format}`)}
              </p>
              {m.isExample ? (
                <p className="badges">
                  <span className="badge">{t('s3Meetings.example')}</span>
                </p>
              ) : null}
              {m.registrationOpen ? (
                <details>
                  <summary>{t('s3Meetings.upcomingSection.registerTo', { title: m.title })}</summary>
                  <RegistrationForm meetingId={m.id} title={m.title} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="list-actions">
        <a className="button button-secondary" href={areaCalendarUrl(slug)} download>
          {t('s3Meetings.calendarArea', { area: name })}
        </a>
        <Link to={`/smart-specialisering/moten?omrade=${encodeURIComponent(slug)}`}>
          {t('s3Meetings.upcomingSection.all', { area: name })}
        </Link>
      </p>
    </section>
  );
}
