import { type DependencyList, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { pickText } from '../../../components/Localized';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { TableScroll } from '../../../components/TableScroll';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { AreaLessons } from '../learning/AreaLessons';
import { ParticipationSection } from '../learning/ParticipationSection';
import { UpcomingMeetings } from '../meetings/UpcomingMeetings';
import { AssessmentSection } from '../process/AssessmentSection';
import { StepsSection } from '../process/StepsSection';
import { S3SubNav } from '../S3SubNav';
import { LogicSection, SubAreasSection, VisionSection } from './AreaEditors';
import { type Area, getArea, type Initiative } from './api';
import { formatSek, isStaffRole } from './labels';
import './areas.css';

function InitiativeCard({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  return (
    <li className="card s3-initiative" data-testid="initiative">
      <h4>
        <Link to={`/smart-specialisering/initiativ/${initiative.id}`} lang="sv">
          {initiative.title}
        </Link>{' '}
        {initiative.isExample ? <span className="badge">{t('s3Areas.example')}</span> : null}
      </h4>
      {initiative.description ? <p lang="sv">{initiative.description}</p> : null}
      <dl>
        <div>
          <dt>{t('s3Areas.area.status')}</dt>
          <dd>{t(`s3Areas.initiativeStatus.${initiative.status}`)}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.area.responsible')}</dt>
          <dd lang="sv">{initiative.responsible ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.area.period')}</dt>
          <dd>{initiative.period ?? '–'}</dd>
        </div>
      </dl>
      <div>
        <strong>{t('s3Areas.area.linkedEfforts')}</strong>
        {initiative.efforts.length ? (
          <ul className="s3-inline-list">
            {initiative.efforts.map((e) => (
              <li key={e.id}>
                <Link to={`/insatser/${e.id}`}>{e.title}</Link>{' '}
                <span className="muted">({t(`s3Areas.effortStatus.${e.status}`)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('s3Areas.area.noEfforts')}</p>
        )}
      </div>
      {initiative.sourceInputs?.length ? (
        <div className="s3-source-input">
          <strong>{t('s3Areas.area.sourceInput')}</strong>
          <ul className="s3-inline-list">
            {initiative.sourceInputs.map((s) => (
              <li key={s.id}>
                <span lang="sv">{s.text}</span> –{' '}
                <Link to={`/smart-specialisering/moten/${s.meeting.id}`} lang="sv">
                  {s.meeting.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

function ActionPlan({ area, staff }: { area: Area; staff: boolean }) {
  const { t } = useTranslation();
  const groups = [
    ...area.subAreas.map((s) => ({
      key: s.id,
      name: s.name,
      items: area.initiatives.filter((i) => i.subArea?.id === s.id),
    })),
    {
      key: 'none',
      name: t('s3Areas.area.withoutSubArea'),
      items: area.initiatives.filter((i) => !i.subArea),
    },
  ].filter((g) => g.items.length > 0);
  return (
    <section className="section tight" aria-labelledby="s3-plan-title" id="handlingsplan">
      <div className="section-head">
        <h2 id="s3-plan-title">{t('s3Areas.area.planTitle')}</h2>
        <p>{t('s3Areas.area.planLead')}</p>
      </div>
      <p className="list-actions">
        {staff ? (
          <Link className="button" to={`/smart-specialisering/initiativ/ny?omrade=${area.slug}`}>
            {t('s3Areas.area.newInitiative')}
          </Link>
        ) : null}{' '}
        {area.initiatives.length ? (
          <a href={`/api/v1/s3/initiatives?area=${area.slug}&format=xlsx`} download>
            {t('s3Areas.area.download')} (Excel)
          </a>
        ) : null}
      </p>
      {area.initiatives.length === 0 ? <p className="muted">{t('s3Areas.area.noInitiatives')}</p> : null}
      {groups.map((g) => (
        <div key={g.key} className="s3-plan-group">
          <h3 lang={g.key === 'none' ? undefined : 'sv'}>{g.name}</h3>
          <ul className="s3-initiatives">
            {g.items.map((i) => (
              <InitiativeCard key={i.id} initiative={i} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Money({ area, name }: { area: Area; name: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sek = (v: number) => formatSek(v, lang);
  return (
    <section className="section tight" aria-labelledby="s3-money-title" id="pengar">
      <div className="section-head">
        <h2 id="s3-money-title">{t('s3Areas.area.moneyTitle')}</h2>
        <p>{t('s3Areas.area.moneyLead')}</p>
      </div>
      {area.money.efforts.length === 0 ? (
        <p className="muted">{t('s3Areas.area.noMoney')}</p>
      ) : (
        <TableScroll label={t('s3Areas.area.moneyCaption', { name })}>
          <table className="data-table s3-money" data-testid="money-table">
            <caption>{t('s3Areas.area.moneyCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('s3Areas.area.effort')}</th>
                <th scope="col">{t('s3Areas.area.status')}</th>
                <th scope="col" className="s3-money-via">
                  {t('s3Areas.area.via')}
                </th>
                <th scope="col" className="num">
                  {t('s3Areas.area.decided')}
                </th>
                <th scope="col" className="num">
                  {t('s3Areas.area.planned')}
                </th>
                <th scope="col" className="num">
                  {t('s3Areas.area.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {area.money.efforts.map((e) => {
                const via = e.via
                  .map((v) => (v === 'area' ? t('s3Areas.area.viaArea') : t('s3Areas.area.viaInitiative')))
                  .join(', ');
                return (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/insatser/${e.id}`}>{e.title}</Link>
                      {/* Narrow screens show the link under the title instead of in its own column. */}
                      <span className="s3-money-via-inline">
                        {t('s3Areas.area.via')} {via}
                      </span>
                    </th>
                    <td>{t(`s3Areas.effortStatus.${e.status}`)}</td>
                    <td className="s3-money-via">{via}</td>
                    <td className="num">{sek(e.decidedSek)}</td>
                    <td className="num">{sek(e.plannedSek)}</td>
                    <td className="num">{sek(e.decidedSek + e.plannedSek)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('s3Areas.area.totals')}
                </th>
                <td className="s3-money-via" />
                <td className="num" data-testid="money-decided">
                  {sek(area.money.totals.decidedSek)}
                </td>
                <td className="num">{sek(area.money.totals.plannedSek)}</td>
                <td className="num">{sek(area.money.totals.totalSek)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/**
 * Reads the area; a later read (after a save) keeps the page as it was until the new data comes,
 * so open forms keep what the writer typed.
 */
function useArea(slug: string, deps: DependencyList) {
  const [state, setState] = useState<{ slug: string; data?: Area; error?: Error }>({ slug });
  useEffect(() => {
    let active = true;
    getArea(slug).then(
      (data) => active && setState({ slug, data }),
      (error: unknown) =>
        active && setState({ slug, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      active = false;
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller controls the deps
  }, deps);
  return state.slug === slug ? state : { slug };
}

/** One strength area: vision, sub-areas, action plan, money, intervention logic and the process. */
export function S3AreaPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const [reload, setReload] = useState(0);
  // Signed-in readers may see more (internal efforts, input): read again when the session changes.
  const area = useArea(slug, [slug, reload, session?.user?.id ?? '']);
  const refresh = () => setReload((n) => n + 1);

  if (area.error) {
    const status = area.error instanceof ApiError ? area.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('s3Areas.area.notFound')}
          backTo="/smart-specialisering"
          backLabel={t('s3Areas.area.back')}
        />
      );
    return <ErrorMessage error={area.error} />;
  }
  if (!area.data) return <Loading />;
  const a = area.data;
  const name = pickText(a.name, i18n.language);
  const section = { areaId: a.id, slug: a.slug, name };
  const description = pickText(a.description, i18n.language);

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/smart-specialisering">{t('s3Areas.kicker')}</Link>
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <PageHeader title={name} kicker={t('s3Areas.kicker')} lead={description || undefined}>
        {a.descriptionUncertain ? <p className="muted">{t('s3Areas.area.descriptionUncertain')}</p> : null}
      </PageHeader>
      <S3SubNav />
      <VisionSection area={a} staff={staff} onSaved={refresh} />
      <SubAreasSection area={a} staff={staff} onChanged={refresh} />
      <ActionPlan area={a} staff={staff} />
      <Money area={a} name={name} />
      <LogicSection area={a} staff={staff} onChanged={refresh} />
      <StepsSection {...section} />
      <AssessmentSection {...section} />
      <UpcomingMeetings {...section} />
      <ParticipationSection {...section} />
      <AreaLessons {...section} />
    </>
  );
}
