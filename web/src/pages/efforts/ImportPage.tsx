import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from '../../api/client';
import { useSession } from '../../auth/session';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/Status';

/** Import efforts from the Excel template, CSV or JSON; shows every rejected row and why. */
export function ImportPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!session) return <Loading />;
  const staff = session.role === 'admin' || session.role === 'editor';
  if (!staff) return <NotAllowed signedIn={Boolean(session.user)} />;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setReport(undefined);
    setProblem(undefined);
    try {
      const response = await fetch(
        `/api/v1/efforts/import?filename=${encodeURIComponent(file.name)}${dryRun ? '&dryRun=true' : ''}`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/octet-stream' },
          body: file,
        },
      );
      const body = await response.json();
      if ('errors' in body && Array.isArray(body.errors)) setReport(body as ImportReport);
      else setProblem(body.detail ?? body.title ?? `HTTP ${response.status}`);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <>
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <p>
        <a className="button button-secondary" href="/api/v1/efforts/template.xlsx" download>
          {t('import.template')}
        </a>
      </p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <p className="field-hint" id="import-file-hint">
            {t('import.fileHint')}
          </p>
          <input
            id="import-file"
            type="file"
            aria-describedby="import-file-hint"
            accept=".xlsx,.csv,.json,text/csv,application/json"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={!file || busy}
            onClick={() => void send(true)}
          >
            {t('import.check')}
          </button>
          <button type="submit" className="button" disabled={!file || busy}>
            {t('import.run')}
          </button>
        </div>
      </form>
      {busy ? <Loading label={t('import.busy')} /> : null}
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {report ? (
        <section className="section" aria-labelledby="report-title" aria-live="polite">
          <h2 id="report-title">{t('import.report')}</h2>
          {report.errors.length === 0 ? (
            <p className="form-ok" role="status">
              {report.dryRun
                ? t('import.checkedOk', { rows: report.rows })
                : t('import.done', { created: report.created, updated: report.updated })}{' '}
              {!report.dryRun ? <Link to="/insatser">{t('import.toList')}</Link> : null}
            </p>
          ) : (
            <>
              <p className="form-error" role="alert">
                {t('import.rejected', { count: new Set(report.errors.map((e) => e.row)).size })}
              </p>
              <div className="table-wrap">
                <table className="data-table">
                  <caption>{t('import.errorsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('import.row')}</th>
                      <th scope="col">{t('import.column')}</th>
                      <th scope="col">{t('import.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.slice(0, 500).map((e, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: errors may repeat row and column
                      <tr key={i}>
                        <td>{e.row}</td>
                        <td className="mono">{e.column}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
