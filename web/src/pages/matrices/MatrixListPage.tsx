import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { collatorFor } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConflictsSubNav } from '../conflicts/ConflictsSubNav';
import { createMatrix, formatTimestamp, loadMatrices } from './api';
import { MatrixForm } from './MatrixForm';
import { ScaleLegend } from './ScaleLegend';
import './matrices.css';

/**
 * The interaction matrices (SEI's SDG Synergies): what the method is, the matrices the reader may
 * see, and for editors a form to create one.
 */
export function MatrixListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const navigate = useNavigate();
  const staff = session?.role === 'admin' || session?.role === 'editor';
  const list = useApi(loadMatrices, [session?.user?.id ?? '']);

  return (
    <>
      <PageHeader title={t('matrices.title')} lead={t('matrices.list.lead')} />
      <ConflictsSubNav />
      <section className="section method" aria-labelledby="method-title">
        <h2 id="method-title">{t('matrices.method.title')}</h2>
        <p>{t('matrices.method.what')}</p>
        <p>{t('matrices.method.read')}</p>
        <p>{t('matrices.method.combine')}</p>
        <ScaleLegend />
        <p className="source-note">{t('matrices.method.source')}</p>
      </section>

      <section className="section" aria-labelledby="list-title">
        <h2 id="list-title">{t('matrices.list.title')}</h2>
        {list.status === 'loading' ? <Loading /> : null}
        {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
        {list.status === 'ok' && list.data.length === 0 ? (
          <p>{staff ? t('matrices.list.emptyStaff') : t('matrices.list.empty')}</p>
        ) : null}
        {list.status === 'ok' && list.data.length > 0 ? (
          <ul className="matrix-list" data-testid="matrix-list">
            {[...list.data]
              .sort(
                (a, b) =>
                  Number(a.isExample) - Number(b.isExample) ||
                  b.updatedAt.localeCompare(a.updatedAt) ||
                  collatorFor(lang).compare(a.title, b.title),
              )
              .map((m) => (
                <li key={m.id} className="matrix-card">
                  <h3>
                    <Link to={`/samspelsmatriser/${m.id}`}>{m.title}</Link>
                  </h3>
                  <p className="badges">
                    {m.isExample ? (
                      <span className="badge badge-example">{t('matrices.example')}</span>
                    ) : null}
                    {staff ? <VisibilityBadge visibility={m.visibility} /> : null}
                  </p>
                  <p className="matrix-meta">
                    {t('matrices.list.meta', {
                      nodes: m.nodeCount,
                      scorers: m.scorerCount,
                      date: formatTimestamp(m.updatedAt, lang),
                    })}
                  </p>
                  {m.description ? <p className="clamp matrix-description">{m.description}</p> : null}
                </li>
              ))}
          </ul>
        ) : null}
      </section>

      {staff ? (
        <section className="section" aria-labelledby="new-title">
          <h2 id="new-title">{t('matrices.list.newTitle')}</h2>
          <p>{t('matrices.list.newLead')}</p>
          <details className="panel new-matrix">
            <summary>{t('matrices.list.newOpen')}</summary>
            <MatrixForm
              submitLabel={t('matrices.list.create')}
              onSubmit={async (value) => {
                const created = await createMatrix(value);
                navigate(`/samspelsmatriser/${created.id}`);
              }}
            />
          </details>
        </section>
      ) : null}
    </>
  );
}
