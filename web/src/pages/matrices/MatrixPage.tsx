import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { ConflictsSubNav } from '../conflicts/ConflictsSubNav';
import { formatTimestamp, loadMatrix, type Matrix, patchMatrix } from './api';
import { Discussion } from './Discussion';
import { Heatmap } from './Heatmap';
import { MatrixForm } from './MatrixForm';
import { NetworkGraph } from './NetworkGraph';
import { RankingChart } from './RankingChart';
import { ScaleLegend } from './ScaleLegend';
import { Downloads, ScoreImport } from './ScoreFiles';
import { ScoreSheet } from './ScoreSheet';
import './matrices.css';

type State = { status: 'loading' } | { status: 'ok'; matrix: Matrix } | { status: 'error'; error: Error };

/**
 * One interaction matrix: the combined matrix as a heatmap, the ranking of the nodes, the network
 * of links, what to discuss, and for editors the scoring sheets, file import and the settings.
 */
export function MatrixPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const { session } = useSession();
  const role = session?.role ?? null;
  const staff = role === 'admin' || role === 'editor';
  const readsQueue = staff || role === 'viewer';
  const [state, setState] = useState<State>({ status: 'loading' });
  // Bumped when the scores may have changed elsewhere (import, reload): the sheet reads them again.
  const [sheetKey, setSheetKey] = useState(0);
  const [notice, setNotice] = useState<string>();
  // Bumped after the settings form's own successful save, to start it again from the saved matrix.
  const [formKey, setFormKey] = useState(0);

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ok', matrix: await loadMatrix(id) });
      setSheetKey((k) => k + 1);
    } catch (error) {
      setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }, [id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload again when the reader signs in or out
  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload, session?.user?.id]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 403))
      return session?.user || state.error.status === 403 ? (
        <>
          <PageHeader title={t('matrices.notFound')} />
          <ConflictsSubNav />
          <p>
            <Link to="/samspelsmatriser">{t('matrices.back')}</Link>
          </p>
        </>
      ) : (
        <NotAllowed signedIn={false} />
      );
    return <ErrorMessage error={state.error} />;
  }
  const matrix = state.matrix;
  const updated = (m: Matrix) => setState({ status: 'ok', matrix: m });
  const scored = matrix.scorers.reduce((sum, s) => sum + s.scoredCells, 0);
  const sections = [
    ['heatmap', t('matrices.heatmap.title')],
    ['ranking', t('matrices.ranking.title')],
    ['network', t('matrices.network.title')],
    ['discuss', t('matrices.discuss.title')],
    ...(staff ? [['scoring', t('matrices.sheet.title')]] : []),
    ['files', t('matrices.files.title')],
    ...(staff ? [['settings', t('matrices.settings.title')]] : []),
  ];

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/samspelsmatriser">{t('matrices.title')}</Link>
          </li>
          <li aria-current="page">{matrix.title}</li>
        </ol>
      </nav>
      <PageHeader title={matrix.title} kicker={t('matrices.kicker')}>
        <p className="badges">
          {matrix.isExample ? <span className="badge badge-example">{t('matrices.example')}</span> : null}
          {staff ? <VisibilityBadge visibility={matrix.visibility} /> : null}
        </p>
      </PageHeader>
      <ConflictsSubNav />
      {matrix.isExample ? (
        <p className="example-note" data-testid="example-note">
          {t('matrices.exampleNote')}
        </p>
      ) : null}
      {matrix.description ? <p className="description">{matrix.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('matrices.facts.nodes')}</dt>
          <dd>{matrix.nodes.length}</dd>
        </div>
        <div>
          <dt>{t('matrices.facts.updated')}</dt>
          <dd>
            <time dateTime={matrix.updatedAt}>{formatTimestamp(matrix.updatedAt, lang, true)}</time>
          </dd>
        </div>
        <div className="facts-wide">
          <dt>{t('matrices.facts.scorers')}</dt>
          <dd>
            {matrix.scorers.length === 0 ? (
              '–'
            ) : (
              <ul className="plain-list">
                {matrix.scorers.map((s) => (
                  <li key={s.id}>
                    {t('matrices.facts.scorer', {
                      name: s.name,
                      count: s.scoredCells,
                      total: matrix.nodes.length * (matrix.nodes.length - 1),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <nav className="page-toc" aria-label={t('matrices.toc')}>
        <ul>
          {sections.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section className="section" id="heatmap" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">{t('matrices.heatmap.title')}</h2>
        <p>{t('matrices.heatmap.lead')}</p>
        <ScaleLegend />
        {scored === 0 ? <p className="muted">{t('matrices.heatmap.empty')}</p> : null}
        <Heatmap matrix={matrix} />
      </section>

      <section className="section" id="ranking" aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t('matrices.ranking.title')}</h2>
        <p>{t('matrices.ranking.lead')}</p>
        <RankingChart matrix={matrix} />
      </section>

      <section className="section" id="network" aria-labelledby="network-title">
        <h2 id="network-title">{t('matrices.network.title')}</h2>
        <p>{t('matrices.network.lead')}</p>
        <NetworkGraph matrix={matrix} />
      </section>

      <section className="section" id="discuss" aria-labelledby="discuss-title">
        <h2 id="discuss-title">{t('matrices.discuss.title')}</h2>
        <Discussion matrix={matrix} readsQueue={readsQueue} />
      </section>

      {staff ? (
        <section className="section" id="scoring" aria-labelledby="scoring-title">
          <h2 id="scoring-title">{t('matrices.sheet.title')}</h2>
          <ScoreSheet
            matrix={matrix}
            reloadKey={sheetKey}
            onSaved={(m) => {
              setNotice(undefined);
              updated(m);
            }}
            onReload={() => void reload()}
          />
        </section>
      ) : null}

      <section className="section" id="files" aria-labelledby="files-title">
        <h2 id="files-title">{t('matrices.files.title')}</h2>
        <p>{t('matrices.files.lead')}</p>
        <Downloads matrixId={matrix.id} />
        {staff ? (
          <ScoreImport
            matrixId={matrix.id}
            version={matrix.version}
            onImported={() => void reload()}
            onReload={() => void reload()}
          />
        ) : null}
      </section>

      {staff ? (
        <section className="section" id="settings" aria-labelledby="settings-title">
          <h2 id="settings-title">{t('matrices.settings.title')}</h2>
          {notice ? (
            <p className="form-ok" role="status">
              {notice}
            </p>
          ) : null}
          <details className="panel">
            <summary>{t('matrices.settings.open')}</summary>
            <MatrixForm
              key={formKey}
              initial={matrix}
              submitLabel={t('matrices.settings.save')}
              onSubmit={async (value) => {
                const saved = await patchMatrix(matrix.id, matrix.version, value);
                const ids = (m: Matrix) =>
                  `${m.nodes.map((n) => n.id).join(',')}|${m.scorers.map((s) => s.id).join(',')}`;
                updated(saved);
                // Only a change of nodes or scorers can change a scorer's cells; the sheet then reads
                // them again and keeps the unsaved cells whose nodes remain.
                if (ids(saved) !== ids(matrix)) setSheetKey((k) => k + 1);
                setFormKey((k) => k + 1);
                setNotice(t('matrices.settings.saved'));
              }}
            />
          </details>
        </section>
      ) : null}
    </>
  );
}
