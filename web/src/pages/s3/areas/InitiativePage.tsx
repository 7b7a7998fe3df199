import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { pickText } from '../../../components/Localized';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/format';
import { problemMessages } from '../../../lib/problems';
import { useApi } from '../../../lib/useApi';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { S3SubNav } from '../S3SubNav';
import { Measure } from './AreaEditors';
import { deleteInitiative, getArea, getInitiative } from './api';
import { isStaffRole } from './labels';
import './areas.css';

/** One initiative of an action plan: facts, efforts, the input it came from and its outputs. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const location = useLocation();
  const navigate = useNavigate();
  const arrivedSaved = (location.state as { saved?: boolean } | null)?.saved === true;
  const [saved, setSaved] = useState(arrivedSaved);
  const [removeError, setRemoveError] = useState<string>();
  useEffect(() => {
    if (!arrivedSaved) return;
    setSaved(true);
    navigate(location.pathname, { replace: true, state: null });
  }, [arrivedSaved, location.pathname, navigate]);
  const initiative = useApi(() => getInitiative(id), [id, session?.user?.id ?? '']);
  // The outputs are part of the area's intervention logic.
  const area = useApi(
    async () => (initiative.data ? getArea(initiative.data.strengthArea.slug) : undefined),
    [initiative.data?.strengthArea.slug, initiative.data?.version],
  );

  if (initiative.status === 'error') {
    const status = initiative.error instanceof ApiError ? initiative.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('s3Areas.initiative.notFound')}
          backTo="/smart-specialisering"
          backLabel={t('s3Areas.area.back')}
        />
      );
    return <ErrorMessage error={initiative.error} />;
  }
  if (initiative.status === 'loading') return <Loading />;
  const i = initiative.data;
  const areaName = pickText(i.strengthArea.name, lang);
  const outputs = area.data?.logic.outputs.filter((o) => o.initiativeId === i.id) ?? [];

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/smart-specialisering">{t('s3Areas.kicker')}</Link>
          </li>
          <li>
            <Link to={`/smart-specialisering/${i.strengthArea.slug}`}>{areaName}</Link>
          </li>
          <li aria-current="page" lang="sv">
            {i.title}
          </li>
        </ol>
      </nav>
      <p className="kicker">{t('s3Areas.initiative.kicker')}</p>
      <div lang="sv">
        <PageHeader title={i.title}>
          <p className="badges" lang={lang}>
            <span className="badge">{t(`s3Areas.initiativeStatus.${i.status}`)}</span>
            {i.isExample ? <span className="badge">{t('s3Areas.example')}</span> : null}
          </p>
        </PageHeader>
      </div>
      <S3SubNav />
      {saved ? (
        <p className="form-ok" role="status">
          {t('s3Areas.initiative.saved')}
        </p>
      ) : null}
      {staff ? (
        <p className="toolbar-actions">
          <Link className="button" to={`/smart-specialisering/initiativ/${i.id}/andra`}>
            {t('s3Areas.initiative.edit')}
          </Link>{' '}
          <button
            type="button"
            className="button button-secondary"
            onClick={async () => {
              try {
                await deleteInitiative(i.id, i.version);
                navigate(`/smart-specialisering/${i.strengthArea.slug}`);
              } catch (e) {
                setRemoveError(problemMessages(t, e, { IN_USE: t('s3Areas.edit.inUse') }).form);
              }
            }}
          >
            {t('s3Areas.initiative.remove')}
          </button>
        </p>
      ) : null}
      {removeError ? (
        <p className="form-error" role="alert">
          {removeError}
        </p>
      ) : null}

      <dl className="facts">
        <div>
          <dt>{t('s3Areas.initiative.area')}</dt>
          <dd>
            <Link to={`/smart-specialisering/${i.strengthArea.slug}`}>{areaName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('s3Areas.initiative.subArea')}</dt>
          <dd lang="sv">{i.subArea?.name ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.area.status')}</dt>
          <dd>{t(`s3Areas.initiativeStatus.${i.status}`)}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.area.responsible')}</dt>
          <dd lang="sv">{i.responsible ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.area.period')}</dt>
          <dd>{i.period ?? '–'}</dd>
        </div>
      </dl>

      <section className="section tight" aria-labelledby="initiative-description-title">
        <h2 id="initiative-description-title">{t('s3Areas.initiative.description')}</h2>
        {i.description ? (
          <p className="description" lang="sv">
            {i.description}
          </p>
        ) : (
          <p className="muted">{t('s3Areas.initiative.noDescription')}</p>
        )}
      </section>

      <section className="section tight" aria-labelledby="initiative-efforts-title">
        <h2 id="initiative-efforts-title">{t('s3Areas.initiative.efforts')}</h2>
        {i.efforts.length ? (
          <ul className="plain-list" data-testid="initiative-efforts">
            {i.efforts.map((e) => (
              <li key={e.id}>
                <Link to={`/insatser/${e.id}`}>{e.title}</Link>{' '}
                <span className="muted">({t(`s3Areas.effortStatus.${e.status}`)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('s3Areas.area.noEfforts')}</p>
        )}
      </section>

      {i.sourceInputs !== null ? (
        <section className="section tight" aria-labelledby="initiative-source-title">
          <h2 id="initiative-source-title">{t('s3Areas.initiative.sourceTitle')}</h2>
          {i.sourceInputs.length ? (
            <ul className="plain-list" data-testid="initiative-source">
              {i.sourceInputs.map((s) => (
                <li key={s.id}>
                  <span lang="sv">{s.text}</span>{' '}
                  <span className="badge">
                    {s.status === 'in_action_plan' ? t('s3Areas.initiative.takenIntoPlan') : s.status}
                  </span>
                  <br />
                  <Link to={`/smart-specialisering/moten/${s.meeting.id}`}>
                    {t('s3Areas.initiative.meeting', {
                      title: s.meeting.title,
                      date: formatDate(s.meeting.heldOn, lang),
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">
              {/* A partner sees only the input its own organisation raised. */}
              {t(
                session?.role === 'partner'
                  ? 's3Areas.initiative.noOwnSource'
                  : 's3Areas.initiative.noSource',
              )}
            </p>
          )}
        </section>
      ) : null}

      <section className="section tight" aria-labelledby="initiative-outputs-title">
        <h2 id="initiative-outputs-title">{t('s3Areas.initiative.outputs')}</h2>
        {outputs.length ? (
          <ul className="s3-logic" data-testid="initiative-outputs">
            {outputs.map((o) => (
              <li key={o.id} className="s3-logic-item">
                <p>
                  <strong lang="sv">{o.description}</strong>{' '}
                  {o.isExample ? <span className="badge">{t('s3Areas.example')}</span> : null}
                </p>
                <Measure item={o} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('s3Areas.area.noOutputs')}</p>
        )}
      </section>
    </>
  );
}
