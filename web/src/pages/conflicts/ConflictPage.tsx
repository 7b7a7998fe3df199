import './conflicts-pages.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getSdgs, getSteering } from '../../api/queries';
import { useSession } from '../../auth/session';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { useKeptData } from '../territory/useKeptData';
import { type Conflict, getConflict } from './api';
import { ConflictsSubNav } from './ConflictsSubNav';
import { ConflictTimeline } from './ConflictTimeline';
import { isStaffRole } from './labels';
import { dimensionList, ExampleBadge, goalName, SeverityText, StatusBadge } from './parts';
import { StepForm } from './StepForm';

/**
 * One goal conflict: what is in tension, where, between whom; decisions and sources; warnings
 * for staff; the handling history as a timeline; and for staff a form to add the next step.
 */
export function ConflictPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const signedIn = session?.user?.id ?? '';
  const [reload, setReload] = useState(0);
  const loaded = useApi(() => getConflict(id), [id, signedIn, reload]);
  // While a newer version loads (after a 412) the page keeps showing the last one and the form.
  const kept = useKeptData(loaded);
  const steering = useApi(getSteering, []);
  const sdgs = useApi(getSdgs, []);
  // The document after a step was added (the answer to the POST), newer than `loaded`.
  const [saved, setSaved] = useState<Conflict>();
  const [newStepId, setNewStepId] = useState<string>();
  const [formOpen, setFormOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  // The notice the form sent along ("saved", "created") is kept here and taken out of the
  // history entry at once, so that a reload or a step back does not show it again.
  const [arrived, setArrived] = useState<{ id: string; notice: string }>();
  const stateNotice = (location.state as { notice?: string } | null)?.notice;
  useEffect(() => {
    if (!stateNotice) return;
    setArrived({ id, notice: stateNotice });
    navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
  }, [stateNotice, id, navigate, location.pathname, location.search, location.hash]);
  const shownArrival = arrived?.id === id ? arrived.notice : stateNotice;
  const pageNotice =
    shownArrival === 'created'
      ? t('conflicts.page.created')
      : shownArrival === 'saved'
        ? t('conflicts.page.saved')
        : '';
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const formTitle = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (loaded.status === 'ok') setSaved(undefined);
  }, [loaded]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  // The button that opened the form is gone: focus goes to the form's heading.
  useEffect(() => {
    if (formOpen) formTitle.current?.focus();
  }, [formOpen]);

  if (!session || (loaded.status === 'loading' && saved?.id !== id && kept.data?.id !== id))
    return <Loading />;
  if (loaded.status === 'error') {
    const status = loaded.error instanceof ApiError ? loaded.error.status : 0;
    if (status === 401 || status === 403) return <NotAllowed signedIn={status === 403} />;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('conflicts.page.notFound')}
          backTo="/malkonflikter"
          backLabel={t('conflicts.page.back')}
        />
      );
    return <ErrorMessage error={loaded.error} />;
  }
  const c = saved?.id === id ? saved : kept.data?.id === id ? kept.data : undefined;
  if (!c) return <Loading />;
  const staff = isStaffRole(session.role);
  // What staff wrote (title, description, decisions, own goals, steps) is Swedish: marked so in
  // the English UI.
  const sv = lang.startsWith('en') ? 'sv' : undefined;
  const place = (p: Conflict['places'][number]) =>
    p.type === 'sameby' ? t('conflicts.samebyName', { name: p.name }) : p.name;

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/malkonflikter">{t('conflicts.title')}</Link>
          </li>
          <li aria-current="page" lang={sv}>
            {c.title}
          </li>
        </ol>
      </nav>
      <PageHeader title={c.title} kicker={t('conflicts.page.kicker')}>
        <p className="badges">
          <StatusBadge status={c.status} />
          {c.isExample ? <ExampleBadge /> : null}
          {c.visibility === 'internal' ? (
            <span className="badge badge-warn">{t('visibility.internal')}</span>
          ) : null}
        </p>
      </PageHeader>
      <ConflictsSubNav />

      {pageNotice ? (
        <p className="form-ok" role="status" data-testid="page-notice">
          {pageNotice}
        </p>
      ) : null}
      {staff ? (
        <p className="toolbar-actions">
          <Link className="button button-secondary" to={`/malkonflikter/${c.id}/andra`}>
            {t('conflicts.page.edit')}
          </Link>
        </p>
      ) : null}

      {c.warnings.length > 0 ? (
        <section
          className="conflict-warnings"
          aria-labelledby="warnings-title"
          data-testid="conflict-warnings"
        >
          <h2 id="warnings-title">{t('conflicts.page.warningsTitle')}</h2>
          <ul>
            {c.warnings.map((w) => (
              <li key={`${w.code}-${w.consultationId}`}>
                {t(`conflicts.warnings.${w.code}`, { title: w.consultationTitle })}{' '}
                <Link to={`/samrad/${w.consultationId}`}>
                  {t('conflicts.page.openConsultation', { title: w.consultationTitle })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <dl className="facts" data-testid="conflict-facts">
        <div>
          <dt>{t('conflicts.fields.status')}</dt>
          <dd>{t(`conflicts.statuses.${c.status}`)}</dd>
        </div>
        <div>
          <dt>{t('conflicts.fields.severity')}</dt>
          <dd>
            <SeverityText severity={c.severity} />
          </dd>
        </div>
        <div>
          <dt>{t('conflicts.fields.madeVisibleBy')}</dt>
          <dd>{t(`conflicts.madeVisibleBy.${c.madeVisibleBy}`)}</dd>
        </div>
        <div>
          <dt>{t('conflicts.fields.latestStep')}</dt>
          <dd>{formatDate(c.latestStepDate, lang)}</dd>
        </div>
        <div>
          <dt>{t('conflicts.fields.dimensions')}</dt>
          <dd>{dimensionList(t, c.dimensions, lang)}</dd>
        </div>
        <div>
          <dt>{t('conflicts.fields.places')}</dt>
          <dd>
            {c.places.length
              ? c.places.map((p, i) => (
                  <span key={p.code}>
                    {i > 0 ? ', ' : ''}
                    {p.type === 'municipality' ? <Link to={`/kommuner/${p.code}`}>{p.name}</Link> : place(p)}
                  </span>
                ))
              : '–'}
          </dd>
        </div>
      </dl>

      {c.description ? (
        <section className="section tight" aria-labelledby="description-title">
          <h2 id="description-title">{t('conflicts.fields.description')}</h2>
          <p className="description" lang={sv}>
            {c.description}
          </p>
        </section>
      ) : null}

      <section className="section tight" aria-labelledby="goals-title">
        <h2 id="goals-title">{t('conflicts.fields.goals')}</h2>
        {c.goals.length ? (
          <ul className="conflict-goals">
            {c.goals.map((g) => {
              const name = goalName(g, lang, t, steering.data, sdgs.data);
              return (
                <li key={`${g.kind}-${g.ref}`}>
                  <span className="goal-kind">{t(`conflicts.goalKinds.${g.kind}`)}</span>{' '}
                  <span lang={g.kind === 'free_text' ? sv : undefined}>{name.text}</span>
                  {name.detail ? (
                    <span className="goal-detail" lang={name.detail.lang}>
                      {name.detail.text}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t('conflicts.page.noGoals')}</p>
        )}
      </section>

      <div className="conflict-columns">
        <section className="section tight" aria-labelledby="actors-title">
          <h2 id="actors-title">{t('conflicts.fields.actors')}</h2>
          {c.actors.length ? (
            <ul className="plain-list">
              {c.actors.map((a) => (
                <li key={a.id}>
                  <Link to={`/aktorer/${a.id}`}>{a.name}</Link>{' '}
                  <span className="muted">({t(`actors.kinds.${a.kind}`)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('conflicts.page.none')}</p>
          )}
        </section>
        <section className="section tight" aria-labelledby="efforts-title">
          <h2 id="efforts-title">{t('conflicts.fields.efforts')}</h2>
          {c.efforts.length ? (
            <ul className="plain-list">
              {c.efforts.map((e) => (
                <li key={e.id}>
                  <Link to={`/insatser/${e.id}`}>{e.title}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('conflicts.page.none')}</p>
          )}
        </section>
      </div>

      <section className="section tight" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('conflicts.fields.decisions')}</h2>
        {c.decisions.length ? (
          <ul className="conflict-decisions">
            {c.decisions.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: decisions are kept in their saved order
              <li key={i}>
                <p className="decision-head">
                  <time dateTime={d.date}>{formatDate(d.date, lang)}</time> –{' '}
                  <strong lang={sv}>{d.body}</strong>
                </p>
                <p className="description" lang={sv}>
                  {d.summary}
                </p>
                {d.url ? (
                  <p>
                    <a href={d.url} rel="noopener">
                      {t('conflicts.page.decisionLink', { body: d.body })}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('conflicts.page.noDecisions')}</p>
        )}
      </section>

      <section className="section tight" aria-labelledby="history-title">
        <h2 id="history-title">{t('conflicts.page.historyTitle')}</h2>
        <p className="muted">{t('conflicts.page.historyNote')}</p>
        <p
          className={notice ? 'form-ok' : 'visually-hidden'}
          role="status"
          tabIndex={-1}
          ref={noticeRef}
          data-testid="step-notice"
        >
          {notice}
        </p>
        <ConflictTimeline steps={c.steps} highlightId={newStepId} />
        {staff ? (
          <div className="step-panel">
            {formOpen ? (
              <>
                <h3 id="step-form-title" tabIndex={-1} ref={formTitle}>
                  {t('conflicts.steps.title')}
                </h3>
                <StepForm
                  conflict={c}
                  labelledBy="step-form-title"
                  onSaved={(doc, stepId) => {
                    setSaved(doc);
                    setNewStepId(stepId);
                    setFormOpen(false);
                    setNotice(t('conflicts.steps.saved', { status: t(`conflicts.statuses.${doc.status}`) }));
                  }}
                  onStale={() => setReload((n) => n + 1)}
                  onCancel={() => {
                    setFormOpen(false);
                    requestAnimationFrame(() => openButton.current?.focus());
                  }}
                />
              </>
            ) : (
              <button
                type="button"
                className="button"
                ref={openButton}
                aria-expanded={false}
                onClick={() => {
                  setNotice('');
                  setArrived(undefined);
                  setFormOpen(true);
                }}
              >
                {t('conflicts.steps.open')}
              </button>
            )}
          </div>
        ) : null}
      </section>

      <section className="section tight" aria-labelledby="sources-title">
        <h2 id="sources-title">{t('conflicts.fields.sources')}</h2>
        {c.sources.length ? (
          <ul className="plain-list conflict-sources">
            {c.sources.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sources are kept in their saved order
              <li key={i}>
                {s.url ? (
                  <a href={s.url} rel="noopener">
                    {s.label}
                  </a>
                ) : (
                  s.label
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('conflicts.page.noSources')}</p>
        )}
      </section>
    </>
  );
}
