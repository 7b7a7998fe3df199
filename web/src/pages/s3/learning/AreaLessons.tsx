import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../auth/session';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useApi } from '../../../lib/useApi';
import type { S3AreaSectionProps } from '../S3AreaSectionProps';
import { getLog } from './api';
import { ChangeEntry, LessonEntry } from './LogEntries';
import { AREA_PARAM, isStaffRole, LOG_PATH } from './labels';
import './learning.css';

const LATEST = 4;

/** A strength area's latest lessons and priority changes, with a link to its learning log. */
export function AreaLessons({ slug, name }: S3AreaSectionProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const headingId = useId();
  const log = useApi(() => getLog(slug), [slug]);
  const logLink = `${LOG_PATH}?${AREA_PARAM}=${encodeURIComponent(slug)}`;
  return (
    <section className="section s3l-section" aria-labelledby={headingId} data-testid="s3l-area-lessons">
      <h2 id={headingId}>{t('s3Learning.areaLessons.title')}</h2>
      <p>{t('s3Learning.areaLessons.lead', { name })}</p>
      {log.status === 'loading' ? <Loading /> : null}
      {log.status === 'error' ? <ErrorMessage error={log.error} /> : null}
      {log.status === 'ok' && log.data.items.length === 0 ? (
        <p className="s3l-empty">{t('s3Learning.areaLessons.none')}</p>
      ) : null}
      {log.status === 'ok' && log.data.items.length > 0 ? (
        <ol className="s3l-log s3l-log-compact">
          {log.data.items.slice(0, LATEST).map((e) => (
            <li key={e.type === 'lesson' ? e.lesson.id : e.change.id}>
              {e.type === 'lesson' ? (
                <LessonEntry lesson={e.lesson} staff={staff} headingLevel={3} />
              ) : (
                <ChangeEntry change={e.change} staff={staff} headingLevel={3} />
              )}
            </li>
          ))}
        </ol>
      ) : null}
      <p>
        <Link className="more-link" to={logLink}>
          {t('s3Learning.areaLessons.all', { name })}
        </Link>
      </p>
    </section>
  );
}
