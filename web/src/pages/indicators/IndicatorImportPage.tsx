import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, problemError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/Status';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { type ImportReport, loadIndicators } from './api';
import { DefinitionForm } from './DefinitionForm';
import { serverLang, titleOf } from './labels';
import './indicators.css';

type Outcome = { report: ImportReport } | { error: ApiError };

/** Editors import indicator values from Kolada or from a CSV/Excel file; all or nothing. */
export function IndicatorImportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const staff = session?.role === 'admin' || session?.role === 'editor';
  const [definitions, setDefinitions] = useState(0);
  const indicators = useApi(async () => (staff ? loadIndicators() : []), [staff, definitions]);
  const imports = useApi(
    async () => (staff ? unwrap(await api.GET('/api/v1/indicator-imports')).items : []),
    [staff, reload],
  );

  if (!session) return <Loading />;
  if (!staff) return <NotAllowed signedIn={Boolean(session.user)} />;

  const run = async (work: () => Promise<ImportReport>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ report: await work() });
      setReload((n) => n + 1);
    } catch (error) {
      setOutcome({ error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('indicators.import.title')} lead={t('indicators.import.lead')}>
        <p>
          <Link to="/uppfoljning">{t('indicators.import.back')}</Link>
        </p>
      </PageHeader>
      <div className="import-grid">
        <KoladaForm
          busy={busy}
          kpis={(indicators.data ?? [])
            .filter((i) => i.koladaKpi)
            .map((i) => ({ kpi: i.koladaKpi as string, title: titleOf(i, lang) }))}
          onRun={(body) =>
            run(async () => unwrap(await api.POST('/api/v1/indicator-imports/kolada', { body })))
          }
        />
        <PxWebForm
          busy={busy}
          indicators={(indicators.data ?? []).map((i) => ({ id: i.id, title: titleOf(i, lang) }))}
          onRun={(body) =>
            run(async () => unwrap(await api.POST('/api/v1/indicator-imports/pxweb', { body })))
          }
        />
        <FileForm
          busy={busy}
          onRun={(file, dryRun) =>
            run(async () => {
              const response = await fetch(
                `/api/v1/indicator-imports/file?filename=${encodeURIComponent(file.name)}&dryRun=${dryRun}`,
                {
                  method: 'POST',
                  credentials: 'same-origin',
                  headers: { 'content-type': 'application/octet-stream' },
                  body: file,
                },
              );
              const body = await response.json().catch(() => undefined);
              if (!response.ok) throw problemError(response.status, body);
              return body as ImportReport;
            })
          }
        />
      </div>
      <section className="section" aria-labelledby="new-indicator-title">
        <h2 id="new-indicator-title">{t('indicators.definition.newTitle')}</h2>
        <p>{t('indicators.definition.newLead')}</p>
        <details className="table-details">
          <summary>{t('indicators.definition.newTitle')}</summary>
          <DefinitionForm onSaved={() => setDefinitions((n) => n + 1)} />
        </details>
      </section>
      {busy ? <Loading label={t('indicators.import.busy')} /> : null}
      {outcome ? <Outcome outcome={outcome} /> : null}
      <RecentImports items={imports.data ?? []} />
    </>
  );
}

function KoladaForm({
  busy,
  kpis,
  onRun,
}: {
  busy: boolean;
  kpis: Array<{ kpi: string; title: string }>;
  onRun: (body: { kpis: string[]; from: number; to: number; dryRun: boolean }) => void;
}) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [kpiText, setKpiText] = useState('');
  const [from, setFrom] = useState(String(thisYear - 10));
  const [to, setTo] = useState(String(thisYear - 1));
  const [invalid, setInvalid] = useState<string>();
  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const list = kpiText
      .split(/[\s,;]+/)
      .map((k) => k.trim().toUpperCase())
      .filter(Boolean);
    if (list.length === 0 || list.some((k) => !/^[NU]\d{5}$/.test(k))) {
      setInvalid(t('indicators.import.kpiInvalid'));
      return;
    }
    if (!/^\d{4}$/.test(from) || !/^\d{4}$/.test(to) || Number(from) > Number(to)) {
      setInvalid(t('indicators.import.yearsInvalid'));
      return;
    }
    setInvalid(undefined);
    onRun({ kpis: list, from: Number(from), to: Number(to), dryRun });
  };
  return (
    <form className="form import-card" onSubmit={submit(false)} aria-labelledby="kolada-title">
      <h2 id="kolada-title">{t('indicators.import.koladaTitle')}</h2>
      <p>{t('indicators.import.koladaLead')}</p>
      <div className="field">
        <label htmlFor="kolada-kpis">{t('indicators.import.kpis')}</label>
        <input
          id="kolada-kpis"
          value={kpiText}
          aria-describedby="kolada-kpis-hint"
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => setKpiText(e.target.value)}
          placeholder="N00914, N01951"
        />
        <p className="field-hint" id="kolada-kpis-hint">
          {t('indicators.import.kpisHint')}
        </p>
      </div>
      <details>
        <summary>{t('indicators.import.knownKpis', { count: kpis.length })}</summary>
        <ul className="kpi-list">
          {kpis.map((k) => (
            <li key={k.kpi}>
              <span className="mono">{k.kpi}</span> {k.title}
            </li>
          ))}
        </ul>
      </details>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="kolada-from">{t('indicators.import.from')}</label>
          <input
            id="kolada-from"
            inputMode="numeric"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="kolada-to">{t('indicators.import.to')}</label>
          <input id="kolada-to" inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <ImportActions problem={invalid} disabled={busy} onCheck={() => submit(true)()} />
    </form>
  );
}

/** "Region=2380,23" lines → { Region: ['2380', '23'] }; null when a line cannot be read. */
export function parseSelection(text: string): Record<string, string[]> | null {
  const selection: Record<string, string[]> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = /^\s*([^=\s]+)\s*=\s*(.+)$/.exec(line);
    if (!match) return null;
    const codes = (match[2] as string)
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (codes.length === 0) return null;
    selection[match[1] as string] = codes;
  }
  return Object.keys(selection).length > 0 ? selection : null;
}

function PxWebForm({
  busy,
  indicators,
  onRun,
}: {
  busy: boolean;
  indicators: Array<{ id: string; title: string }>;
  onRun: (body: {
    table: string;
    indicatorId: string;
    selection: Record<string, string[]>;
    dryRun: boolean;
  }) => void;
}) {
  const { t } = useTranslation();
  const [table, setTable] = useState('');
  const [indicatorId, setIndicatorId] = useState('');
  const [selectionText, setSelectionText] = useState(
    'Region=2380,23,00\nKon=1,2,1+2\nContentsCode=\nTid=2023',
  );
  const [invalid, setInvalid] = useState<string>();
  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const selection = parseSelection(selectionText);
    if (!/^[A-Za-z0-9_]{1,40}$/.test(table.trim())) {
      setInvalid(t('indicators.import.pxweb.tableInvalid'));
      return;
    }
    if (!indicatorId) {
      setInvalid(t('indicators.import.pxweb.indicatorMissing'));
      return;
    }
    if (!selection) {
      setInvalid(t('indicators.import.pxweb.selectionInvalid'));
      return;
    }
    setInvalid(undefined);
    onRun({ table: table.trim(), indicatorId, selection, dryRun });
  };
  return (
    <form className="form import-card" onSubmit={submit(false)} aria-labelledby="pxweb-title">
      <h2 id="pxweb-title">{t('indicators.import.pxweb.title')}</h2>
      <p>{t('indicators.import.pxweb.lead')}</p>
      <div className="field">
        <label htmlFor="pxweb-table">{t('indicators.import.pxweb.table')}</label>
        <input
          id="pxweb-table"
          value={table}
          placeholder="TAB638"
          aria-describedby="pxweb-table-hint"
          onChange={(e) => setTable(e.target.value)}
        />
        <p className="field-hint" id="pxweb-table-hint">
          {t('indicators.import.pxweb.tableHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="pxweb-indicator">{t('indicators.import.pxweb.indicator')}</label>
        <select id="pxweb-indicator" value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
          <option value="">{t('indicators.import.pxweb.choose')}</option>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="pxweb-selection">{t('indicators.import.pxweb.selection')}</label>
        <textarea
          id="pxweb-selection"
          rows={5}
          className="mono"
          value={selectionText}
          aria-describedby="pxweb-selection-hint"
          onChange={(e) => setSelectionText(e.target.value)}
        />
        <p className="field-hint" id="pxweb-selection-hint">
          {t('indicators.import.pxweb.selectionHint')}
        </p>
      </div>
      <ImportActions problem={invalid} disabled={busy} onCheck={() => submit(true)()} />
    </form>
  );
}

function FileForm({ busy, onRun }: { busy: boolean; onRun: (file: File, dryRun: boolean) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  return (
    <form
      className="form import-card"
      aria-labelledby="file-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) onRun(file, false);
      }}
    >
      <h2 id="file-title">{t('indicators.import.fileTitle')}</h2>
      <p>{t('indicators.import.fileLead')}</p>
      <figure className="columns-figure">
        <figcaption>{t('indicators.import.exampleLabel')}</figcaption>
        {/* Wider than a phone: the scrolling example must be reachable by keyboard (WCAG 2.1.1). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable */}
        <pre className="columns-example" tabIndex={0}>
          {
            'indikator;kommunkod;år;kön;värde;status;källa\nskattekraft_tkr_inv;2380;2024;totalt;231,4;preliminär;SCB'
          }
        </pre>
      </figure>
      <div className="field">
        <label htmlFor="indicator-file">{t('indicators.import.file')}</label>
        <p className="field-hint" id="indicator-file-hint">
          {t('indicators.import.fileHint')}
        </p>
        <input
          id="indicator-file"
          type="file"
          aria-describedby="indicator-file-hint"
          accept=".xlsx,.csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0])}
        />
      </div>
      <ImportActions disabled={!file || busy} onCheck={() => file && onRun(file, true)} />
    </form>
  );
}

/** A form's problem (if any) and its two buttons: check only (dry run) and import. */
function ImportActions({
  problem,
  disabled,
  onCheck,
}: {
  problem?: string;
  disabled: boolean;
  onCheck: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-secondary" disabled={disabled} onClick={onCheck}>
          {t('indicators.import.check')}
        </button>
        <button type="submit" className="button" disabled={disabled}>
          {t('indicators.import.run')}
        </button>
      </div>
    </>
  );
}

function Outcome({ outcome }: { outcome: Outcome }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if ('error' in outcome) {
    const { error } = outcome;
    const known = [
      'IMPORT_REJECTED',
      'NETWORK_UNREACHABLE',
      'UNKNOWN_KPI',
      'IMPORT_EMPTY',
      'SOURCE_HTTP_ERROR',
      'SOURCE_BAD_RESPONSE',
      'BAD_SELECTION',
    ];
    return (
      <section className="section" aria-labelledby="outcome-title" data-testid="import-outcome">
        <h2 id="outcome-title">{t('indicators.import.resultTitle')}</h2>
        <p className="form-error" role="alert">
          {error.code && known.includes(error.code)
            ? t(`indicators.import.error.${error.code}`)
            : t('indicators.import.error.other')}{' '}
          <span className="server-detail" lang={serverLang}>
            {error.message}
          </span>
        </p>
        {error.fieldErrors.length > 0 ? (
          <TableScroll label={t('indicators.import.problemsCaption')}>
            <table className="data-table">
              <caption>{t('indicators.import.problemsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.import.where')}</th>
                  <th scope="col">{t('indicators.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {error.fieldErrors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several problems
                  <tr key={i}>
                    <td>{e.field.replace(/^row /, `${t('indicators.import.row')} `)}</td>
                    <td lang={serverLang}>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    );
  }
  const { report } = outcome;
  return (
    <section className="section" aria-labelledby="outcome-title" data-testid="import-outcome">
      <h2 id="outcome-title">{t('indicators.import.resultTitle')}</h2>
      <p className="form-ok" role="status">
        {t(report.dryRun ? 'indicators.import.checked' : 'indicators.import.done', {
          values: formatNumber(report.values, lang),
          inserted: formatNumber(report.inserted, lang),
          updated: formatNumber(report.updated, lang),
          unchanged: formatNumber(report.unchanged, lang),
        })}
      </p>
      <p>
        {t('indicators.import.indicators')}:{' '}
        {report.indicators.map((id, i) => (
          <span key={id}>
            {i > 0 ? ', ' : ''}
            <Link to={`/uppfoljning?indikator=${encodeURIComponent(id)}`}>{id}</Link>
          </span>
        ))}
      </p>
      {report.changes.length > 0 ? (
        <TableScroll label={t('indicators.import.changesCaption')}>
          <table className="data-table">
            <caption>{t('indicators.import.changesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.import.value')}</th>
                <th scope="col" className="num">
                  {t('indicators.import.before')}
                </th>
                <th scope="col" className="num">
                  {t('indicators.import.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.changes.map((c) => (
                <tr key={c.key}>
                  <td className="mono">{c.key.replaceAll('|', ' · ')}</td>
                  <td className="num">{formatNumber(c.before, lang)}</td>
                  <td className="num">{formatNumber(c.after, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

function RecentImports({
  items,
}: {
  items: Array<{
    id: string;
    kind: string;
    startedBy: string;
    startedAt: string;
    inserted: number;
    updated: number;
    unchanged: number;
    request: Record<string, unknown>;
  }>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(iso));
  return (
    <section className="section" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('indicators.import.recentTitle')}</h2>
      {items.length === 0 ? (
        <p>{t('indicators.import.recentNone')}</p>
      ) : (
        <TableScroll label={t('indicators.import.recentCaption')}>
          <table className="data-table">
            <caption>{t('indicators.import.recentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.import.when')}</th>
                <th scope="col">{t('indicators.import.kind')}</th>
                <th scope="col">{t('indicators.import.what')}</th>
                <th scope="col">{t('indicators.import.who')}</th>
                <th scope="col" className="num">
                  {t('indicators.import.new')}
                </th>
                <th scope="col" className="num">
                  {t('indicators.import.changed')}
                </th>
                <th scope="col" className="num">
                  {t('indicators.import.same')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, 20).map((i) => (
                <tr key={i.id}>
                  <td>{when(i.startedAt)}</td>
                  <td>{t(`indicators.import.kindName.${i.kind}`)}</td>
                  <td className="mono">{describeRequest(i.request)}</td>
                  <td>{i.startedBy}</td>
                  <td className="num">{i.inserted}</td>
                  <td className="num">{i.updated}</td>
                  <td className="num">{i.unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function describeRequest(request: Record<string, unknown>): string {
  if (Array.isArray(request.kpis)) return `${request.kpis.join(', ')} ${request.from}–${request.to}`;
  if (typeof request.table === 'string') return `${request.table} → ${String(request.indicatorId)}`;
  if (typeof request.filename === 'string') return request.filename;
  return '';
}
