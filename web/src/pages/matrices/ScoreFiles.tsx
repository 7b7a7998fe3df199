import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../lib/format';
import { problemMessages } from '../../lib/problems';
import { downloadHref, type ScoreImportReport, uploadScores } from './api';

type Outcome = { report: ScoreImportReport } | { error: ApiError };

/** The scores and the combined matrix as CSV/Excel files. */
export function Downloads({ matrixId }: { matrixId: string }) {
  const { t } = useTranslation();
  const link = (what: 'scores' | 'combined', format: 'csv' | 'xlsx') => (
    <a
      href={downloadHref(matrixId, what, format)}
      download
      data-testid={`download-${what}-${format}`}
      aria-label={t(`matrices.files.${what}Aria`, { format: format === 'csv' ? 'CSV' : 'Excel' })}
    >
      {format === 'csv' ? 'CSV' : 'Excel'}
    </a>
  );
  return (
    <ul className="download-list" data-testid="downloads">
      <li>
        <span>{t('matrices.files.scores')}</span> {link('scores', 'csv')} {link('scores', 'xlsx')}
      </li>
      <li>
        <span>{t('matrices.files.combined')}</span> {link('combined', 'csv')} {link('combined', 'xlsx')}
      </li>
    </ul>
  );
}

/**
 * Editors import a score file (the same long format as the download): check it first (a dry run
 * writes nothing), then import; all or nothing, with the rejected rows and their reasons.
 */
export function ScoreImport({
  matrixId,
  version,
  onImported,
  onReload,
}: {
  matrixId: string;
  version: number;
  onImported: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  /** A failure the import has no own text for, in the UI language by its status (never the server's English). */
  const otherError = (error: ApiError) => {
    if (error.status === 413) return t('matrices.files.errors.tooLarge');
    if (error.status === 415) return t('matrices.files.errors.unsupportedType');
    const problems = problemMessages(t, error.status === 0 ? new Error(error.message) : error);
    return `${t('matrices.files.failed')} ${problems.form}`;
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const report = await uploadScores(matrixId, file, dryRun, version);
      setOutcome({ report });
      if (!report.dryRun) onImported();
    } catch (error) {
      setOutcome({ error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form score-import"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void run(false);
      }}
    >
      <h3 id={`${id}-title`}>{t('matrices.files.importTitle')}</h3>
      <p>{t('matrices.files.importLead')}</p>
      <figure className="file-example">
        <figcaption>{t('matrices.files.exampleLabel')}</figcaption>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable */}
        <pre className="file-example-code" tabIndex={0}>
          {
            'Bedömare;Rad;Kolumn;Poäng;Motivering\nAnna;Hållbar energi;Livskraftig renskötsel;-2;Vindkraft i betesland'
          }
        </pre>
      </figure>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('matrices.files.file')}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('matrices.files.fileHint')}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.xlsx,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setOutcome(undefined);
          }}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={!file || busy}
          onClick={() => void run(true)}
        >
          {t('matrices.files.check')}
        </button>
        <button type="submit" className="button" disabled={!file || busy}>
          {t('matrices.files.import')}
        </button>
      </div>
      {busy ? (
        <p className="muted" role="status">
          {t('matrices.files.busy')}
        </p>
      ) : null}
      {outcome && 'report' in outcome ? (
        <p className="form-ok" role="status" data-testid="import-report">
          {t(outcome.report.dryRun ? 'matrices.files.checked' : 'matrices.files.done', {
            rows: formatNumber(outcome.report.rows, lang),
            inserted: formatNumber(outcome.report.inserted, lang),
            updated: formatNumber(outcome.report.updated, lang),
            unchanged: formatNumber(outcome.report.unchanged, lang),
          })}
        </p>
      ) : null}
      {outcome && 'error' in outcome ? (
        <div data-testid="import-errors">
          <p className="form-error" role="alert">
            {outcome.error.status === 412
              ? t('matrices.files.stale')
              : outcome.error.code === 'IMPORT_REJECTED'
                ? t('matrices.files.rejected', { count: outcome.error.fieldErrors.length })
                : outcome.error.code &&
                    ['EMPTY_FILE', 'NO_ROWS', 'UNSUPPORTED_FORMAT', 'TOO_MANY_ROWS'].includes(
                      outcome.error.code,
                    )
                  ? t(`matrices.files.errors.${outcome.error.code}`)
                  : otherError(outcome.error)}
          </p>
          {outcome.error.status === 412 ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setOutcome(undefined);
                  onReload();
                }}
              >
                {t('matrices.reload')}
              </button>
            </p>
          ) : null}
          {outcome.error.fieldErrors.length > 0 ? (
            <TableScroll label={t('matrices.files.problemsCaption')}>
              <table className="data-table">
                <caption>{t('matrices.files.problemsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('matrices.files.where')}</th>
                    <th scope="col">{t('matrices.files.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.error.fieldErrors.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several problems
                    <tr key={i}>
                      <td className="nowrap">{e.field.replace(/^row /, `${t('matrices.files.row')} `)}</td>
                      <td lang="sv">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
