/**
 * The learning log (lärlogg): lessons and the decisions changing priorities that cite them, in one
 * list, newest first, filtered by strength area (?omrade=<slug>). Sub-pages: one lesson, one
 * decision, and the editors' forms.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { getSteering } from '../../../api/queries';
import { useSession } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { S3SubNav } from '../S3SubNav';
import { deleteChange, deleteLesson, downloadUrl, getChange, getLesson, getLog } from './api';
import { ChangeFormPage } from './ChangeFormPage';
import { LessonFormPage } from './LessonFormPage';
import { ChangeEntry, LessonEntry } from './LogEntries';
import { AREA_PARAM, isStaffRole, LOG_PATH, nameIn } from './labels';
import './learning.css';

export function LearningLogPage() {
  return (
    <Routes>
      <Route index element={<LogView />} />
      <Route path="lardom/ny" element={<LessonFormPage />} />
      <Route path="lardom/:id" element={<LessonView />} />
      <Route path="lardom/:id/andra" element={<LessonFormPage />} />
      <Route path="beslut/ny" element={<ChangeFormPage />} />
      <Route path="beslut/:id" element={<ChangeView />} />
      <Route path="beslut/:id/andra" element={<ChangeFormPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function LogView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const slug = params.get(AREA_PARAM) ?? '';
  const steering = useApi(getSteering, []);
  const log = useApi(() => getLog(slug || undefined), [slug]);
  const areas = steering.status === 'ok' ? steering.data.strengthAreas : [];
  const query = slug ? `?${AREA_PARAM}=${encodeURIComponent(slug)}` : '';
  const saved = (location.state as { saved?: boolean; deleted?: boolean } | null) ?? null;

  return (
    <>
      <PageHeader
        title={t('s3Learning.log.title')}
        kicker={t('s3Learning.log.kicker')}
        lead={t('s3Learning.log.lead')}
      />
      <S3SubNav />
      {saved?.deleted ? (
        <p className="form-ok" role="status">
          {t('s3Learning.log.deleted')}
        </p>
      ) : null}
      <div className="s3l-toolbar">
        <search>
          <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t('s3Learning.log.filter')}
              <select
                value={slug}
                data-testid="s3l-area-filter"
                onChange={(e) => {
                  const next = new URLSearchParams(params);
                  if (e.target.value) next.set(AREA_PARAM, e.target.value);
                  else next.delete(AREA_PARAM);
                  setParams(next, { replace: true });
                }}
              >
                <option value="">{t('s3Learning.allAreas')}</option>
                {areas.map((a) => (
                  <option key={a.id} value={a.slug}>
                    {nameIn(a.name, lang)}
                  </option>
                ))}
              </select>
            </label>
          </form>
        </search>
        {staff ? (
          <div className="toolbar-actions">
            <Link className="button" to={`${LOG_PATH}/lardom/ny${query}`} data-testid="s3l-new-lesson">
              {t('s3Learning.log.newLesson')}
            </Link>
            <Link
              className="button button-secondary"
              to={`${LOG_PATH}/beslut/ny${query}`}
              data-testid="s3l-new-change"
            >
              {t('s3Learning.log.newChange')}
            </Link>
          </div>
        ) : null}
      </div>

      {log.status === 'loading' ? <Loading /> : null}
      {log.status === 'error' ? <ErrorMessage error={log.error} /> : null}
      {log.status === 'ok' ? (
        log.data.items.length === 0 ? (
          <p className="s3l-empty" data-testid="s3l-empty">
            {slug ? t('s3Learning.log.emptyArea') : t('s3Learning.log.empty')}
          </p>
        ) : (
          <>
            <p className="totals" aria-live="polite" data-testid="s3l-count">
              {t('s3Learning.log.count', { count: log.data.items.length })}
            </p>
            <ol className="s3l-log" aria-label={t('s3Learning.log.listLabel')} data-testid="s3l-log">
              {log.data.items.map((e) => (
                <li key={e.type === 'lesson' ? e.lesson.id : e.change.id}>
                  {e.type === 'lesson' ? (
                    <LessonEntry lesson={e.lesson} staff={staff} />
                  ) : (
                    <ChangeEntry change={e.change} staff={staff} />
                  )}
                </li>
              ))}
            </ol>
          </>
        )
      ) : null}

      <section className="s3l-downloads" aria-labelledby="s3l-downloads-title">
        <h2 id="s3l-downloads-title">{t('s3Learning.log.downloads')}</h2>
        <ul className="plain-list">
          <li>
            <a href={downloadUrl('/api/v1/s3/lessons', 'csv', { area: slug })} download>
              {t('s3Learning.log.lessonsCsv')}
            </a>
          </li>
          <li>
            <a href={downloadUrl('/api/v1/s3/lessons', 'xlsx', { area: slug })} download>
              {t('s3Learning.log.lessonsXlsx')}
            </a>
          </li>
          <li>
            <a href={downloadUrl('/api/v1/s3/priority-changes', 'csv', { area: slug })} download>
              {t('s3Learning.log.changesCsv')}
            </a>
          </li>
          <li>
            <a href={downloadUrl('/api/v1/s3/priority-changes', 'xlsx', { area: slug })} download>
              {t('s3Learning.log.changesXlsx')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

/** One lesson or one decision on its own page, with removal for editors. */
function DetailFrame({
  kind,
  load,
}: {
  kind: 'lesson' | 'change';
  load: (id: string) => Promise<import('./api').Lesson | import('./api').Change>;
}) {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const navigate = useNavigate();
  const location = useLocation();
  const item = useApi(() => load(id), [id]);
  const [error, setError] = useState<string>();
  if (item.status === 'loading') return <Loading />;
  if (item.status === 'error') {
    const status = item.error instanceof ApiError ? item.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('s3Learning.log.notFound')}
          backTo={LOG_PATH}
          backLabel={t('s3Learning.log.back')}
        />
      );
    return <ErrorMessage error={item.error} />;
  }
  const data = item.data;
  const lesson = kind === 'lesson' ? (data as import('./api').Lesson) : null;
  const change = kind === 'change' ? (data as import('./api').Change) : null;
  const date = formatDate(lesson ? lesson.learnedOn : (change?.decidedOn ?? ''), i18n.language);
  const title = lesson
    ? lesson.title
    : t('s3Learning.kindChanged', { kind: t(`s3Learning.kinds.${change?.kind}`) });
  const remove = async () => {
    const question = lesson
      ? t('s3Learning.log.confirmDeleteLesson', { title: lesson.title })
      : t('s3Learning.log.confirmDeleteChange', { date });
    if (!window.confirm(question)) return;
    try {
      if (lesson) await deleteLesson(lesson.id, lesson.version);
      else if (change) await deleteChange(change.id, change.version);
      navigate(LOG_PATH, { state: { deleted: true } });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IN_USE') setError(t('s3Learning.log.inUse'));
      else if (e instanceof ApiError && e.status === 412) setError(t('s3Learning.log.stale'));
      else setError(e instanceof Error ? e.message : String(e));
    }
  };
  const saved = (location.state as { saved?: boolean } | null)?.saved;
  return (
    <>
      <PageHeader title={title} kicker={t(lesson ? 's3Learning.log.lesson' : 's3Learning.log.change')} />
      <S3SubNav />
      <p>
        <Link to={LOG_PATH}>{t('s3Learning.log.back')}</Link>
      </p>
      {saved ? (
        <p className="form-ok" role="status" data-testid="s3l-saved">
          {t('s3Learning.log.saved')}
        </p>
      ) : null}
      {error ? (
        <div className="form-error" role="alert" data-testid="s3l-delete-error">
          <p>{error}</p>
        </div>
      ) : null}
      {lesson ? <LessonEntry lesson={lesson} staff={staff} linkTitle={false} /> : null}
      {change ? <ChangeEntry change={change} staff={staff} linkTitle={false} /> : null}
      {staff ? (
        <p className="s3l-actions">
          <button type="button" className="button button-danger" onClick={remove} data-testid="s3l-delete">
            {t('s3Learning.log.delete')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function LessonView() {
  return <DetailFrame kind="lesson" load={getLesson} />;
}

function ChangeView() {
  return <DetailFrame kind="change" load={getChange} />;
}
