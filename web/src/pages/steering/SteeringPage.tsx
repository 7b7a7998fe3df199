import { useTranslation } from 'react-i18next';
import { getSteering } from '../../api/queries';
import { Localized } from '../../components/Localized';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { DocumentList, GoalQuote, PriorityCards, StrengthAreaCards } from '../../components/SteeringBlocks';
import { useApi } from '../../lib/useApi';

export function SteeringPage() {
  const { t } = useTranslation();
  const steering = useApi(getSteering, []);
  const s = steering.data;

  return (
    <>
      <PageHeader
        title={t('steering.title')}
        kicker={s ? `${s.region.authority} · ${s.region.name}` : undefined}
        lead={t('steering.lead')}
      />
      {steering.status === 'loading' ? <Loading /> : null}
      {steering.status === 'error' ? <ErrorMessage error={steering.error} /> : null}
      {s ? (
        <>
          <section className="section" aria-labelledby="steering-docs">
            <div className="section-head">
              <h2 id="steering-docs">{t('steering.documentsTitle')}</h2>
              <p>{t('steering.documentsIntro')}</p>
            </div>
            <DocumentList documents={s.documents} />
          </section>
          <section className="section" aria-labelledby="steering-goal">
            <div className="section-head">
              <h2 id="steering-goal">{t('steering.goalTitle')}</h2>
              <p>{t('steering.goalIntro')}</p>
            </div>
            <GoalQuote goal={s.goal} />
          </section>
          <section className="section" aria-labelledby="steering-priorities">
            <div className="section-head">
              <h2 id="steering-priorities">{t('steering.prioritiesTitle')}</h2>
            </div>
            <PriorityCards priorities={s.priorities} detailed />
          </section>
          <section className="section" aria-labelledby="steering-strength">
            <div className="section-head">
              <h2 id="steering-strength">{t('steering.strengthTitle')}</h2>
              <p>{t('steering.strengthIntro')}</p>
            </div>
            <StrengthAreaCards areas={s.strengthAreas} detailed />
          </section>
          <section className="section" aria-labelledby="steering-national">
            <div className="section-head">
              <h2 id="steering-national">{t('steering.nationalTitle')}</h2>
              <p>{t('steering.nationalIntro')}</p>
            </div>
            <ol className="national-list" data-testid="national-areas">
              {[...s.nationalAreas]
                .sort((a, b) => a.code - b.code)
                .map((n) => (
                  <li key={n.code}>
                    <span className="national-code" aria-hidden="true">
                      {n.code}
                    </span>
                    <Localized text={n.title} />
                  </li>
                ))}
            </ol>
          </section>
          <section className="section" aria-labelledby="steering-duties">
            <div className="section-head">
              <h2 id="steering-duties">{t('steering.dutiesTitle')}</h2>
            </div>
            <ul className="plain-list duties">
              <li>{t('steering.dutyReview')}</li>
              <li>{t('steering.dutyReport')}</li>
              <li>{t('steering.dutySami')}</li>
              <li>{t('steering.dutyCollaboration')}</li>
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
