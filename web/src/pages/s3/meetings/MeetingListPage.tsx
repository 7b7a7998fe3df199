import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getSteering } from '../../../api/queries';
import { useSession } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatNumber } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { S3SubNav } from '../S3SubNav';
import { areaCalendarUrl, listMeetings, type MeetingSummary, meetingDownloadUrl } from './api';
import { areaName, isStaffRole, meetingPlace, meetingWhen } from './labels';
import './meetings.css';

/** A meeting as a card: date and time, place, format, areas, participants. */
export function MeetingCard({ m, headingLevel = 3 }: { m: MeetingSummary; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sv = lang.startsWith('en') ? 'sv' : undefined;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading lang={sv}>
        <Link to={`/smart-specialisering/moten/${m.id}`}>{m.title}</Link>
      </Heading>
      <p>
        <time dateTime={m.heldOn}>{meetingWhen(m, lang)}</time>
        {' · '}
        {meetingPlace(t, m)}
        {' · '}
        {t(`s3Meetings.formats.${m.format}`)}
      </p>
      <p className="meeting-meta">
        {m.strengthAreas.map((a) => areaName(a, lang)).join(', ')}
        {m.counts.total !== null
          ? ` · ${t('s3Meetings.participants', { count: m.counts.total, formatted: formatNumber(m.counts.total, lang) })}`
          : ''}
        {m.organisationCount ? ` · ${t('s3Meetings.organisationCount', { count: m.organisationCount })}` : ''}
        {m.inputCount ? ` · ${t('s3Meetings.inputCount', { count: m.inputCount })}` : ''}
      </p>
      {m.registrationOpen || m.isExample || m.visibility === 'internal' ? (
        <p className="badges">
          {m.registrationOpen ? (
            <span className="badge badge-ok">{t('s3Meetings.registrationOpen')}</span>
          ) : null}
          {m.isExample ? <span className="badge">{t('s3Meetings.example')}</span> : null}
          {m.visibility === 'internal' ? (
            <span className="badge badge-warn">{t('s3Meetings.internal')}</span>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

/**
 * The meetings of the actor-driven process: upcoming and past, filtered by strength area (in the
 * URL, ?omrade=<slug>), with the calendar and list downloads.
 */
export function MeetingListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const slug = params.get('omrade') ?? '';
  const filterId = useId();
  const steering = useApi(getSteering, []);
  const signedIn = session?.user?.id ?? '';
  const upcoming = useApi(
    () => listMeetings({ when: 'upcoming', ...(slug ? { area: slug } : {}) }),
    [slug, signedIn],
  );
  const past = useApi(
    () => listMeetings({ when: 'past', ...(slug ? { area: slug } : {}) }),
    [slug, signedIn],
  );
  const staff = isStaffRole(session?.role);
  const areas = steering.data?.strengthAreas ?? [];
  const chosen = areas.find((a) => a.slug === slug);
  const chosenName = chosen
    ? lang.startsWith('en')
      ? (chosen.name.en ?? chosen.name.sv)
      : chosen.name.sv
    : null;

  const list = (state: typeof upcoming, empty: string, testId: string) => {
    if (state.status === 'error') return <ErrorMessage error={state.error} />;
    if (state.status === 'loading') return <Loading />;
    if (state.data.length === 0) return <p className="muted">{empty}</p>;
    return (
      <ul className="meeting-list" data-testid={testId}>
        {state.data.map((m) => (
          <li key={m.id} className="meeting-card">
            <MeetingCard m={m} />
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <PageHeader title={t('s3Meetings.title')} kicker={t('s3Meetings.kicker')} lead={t('s3Meetings.lead')} />
      <S3SubNav />
      <search>
        <form
          className="toolbar filters"
          onSubmit={(e) => e.preventDefault()}
          aria-label={t('s3Meetings.filterArea')}
        >
          <label htmlFor={filterId}>
            {t('s3Meetings.filterArea')}
            <select
              id={filterId}
              value={slug}
              onChange={(e) => setParams(e.target.value ? { omrade: e.target.value } : {}, { replace: true })}
            >
              <option value="">{t('s3Meetings.allAreas')}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.slug}>
                  {lang.startsWith('en') ? (a.name.en ?? a.name.sv) : a.name.sv}
                </option>
              ))}
            </select>
          </label>
        </form>
      </search>
      <div className="list-actions">
        {staff ? (
          <Link className="button" to="/smart-specialisering/moten/ny">
            {t('s3Meetings.new')}
          </Link>
        ) : null}
        <a
          className="button button-secondary"
          href={areaCalendarUrl(slug || undefined)}
          download
          data-testid="calendar-link"
        >
          {chosenName ? t('s3Meetings.calendarArea', { area: chosenName }) : t('s3Meetings.calendar')}
        </a>
        <span className="export-links">
          {t('s3Meetings.download')}
          <a
            href={meetingDownloadUrl({ area: slug || undefined }, 'csv')}
            download
            data-testid="download-csv"
          >
            {t('s3Meetings.csv')}
          </a>
          <a
            href={meetingDownloadUrl({ area: slug || undefined }, 'xlsx')}
            download
            data-testid="download-xlsx"
          >
            {t('s3Meetings.xlsx')}
          </a>
        </span>
      </div>
      <p className="muted">{t('s3Meetings.calendarHint')}</p>
      {session?.permissions?.readInternal ? null : <p className="muted">{t('s3Meetings.publicOnly')}</p>}
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('s3Meetings.upcoming')}</h2>
        {list(upcoming, t('s3Meetings.noUpcoming'), 'upcoming-meetings')}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('s3Meetings.past')}</h2>
        {list(past, t('s3Meetings.noPast'), 'past-meetings')}
      </section>
    </>
  );
}
