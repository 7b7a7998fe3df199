import './conflicts-pages.css';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, unwrap, unwrapEmpty } from '../../api/client';
import { getMunicipalities, getSamebyar } from '../../api/queries';
import { useSession } from '../../auth/session';
import { FormField } from '../../components/FormField';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber, localeFor } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useKeptData } from '../territory/useKeptData';
import { type DismissedSuggestion, getSuggestions, type Suggestion } from './api';
import { ConflictsSubNav } from './ConflictsSubNav';
import { isStaffRole, SUGGESTION_KINDS } from './labels';
import { joinNames } from './parts';
import { suggestionReason } from './suggestionText';

/**
 * The review queue: goal conflicts the data suggests (effort assessments pulling different ways,
 * efforts near samebyar without consultation, strongly negative interaction-matrix cells). Nothing
 * is created silently: an editor turns a suggestion into a conflict or dismisses it with a reason.
 */
export function SuggestionQueuePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const role = session?.role ?? null;
  const mayRead = role === 'admin' || role === 'editor' || role === 'viewer';
  const mayDecide = isStaffRole(role);
  const [reload, setReload] = useState(0);
  const queue = useApi(async () => (mayRead ? getSuggestions() : undefined), [mayRead, reload]);
  const { data } = useKeptData(queue);
  const municipalities = useApi(getMunicipalities, []);
  const samebyar = useApi(getSamebyar, []);
  // Items dismissed here, hidden at once (the reloaded queue no longer has them either).
  const [gone, setGone] = useState<string[]>([]);
  useEffect(() => {
    if (queue.status === 'ok') setGone([]);
  }, [queue.status]);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const placeName = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of municipalities.data ?? []) names.set(m.code, m.name);
    for (const s of samebyar.data ?? []) names.set(s.code, t('conflicts.samebyName', { name: s.name }));
    return (code: string) => names.get(code) ?? code;
  }, [municipalities.data, samebyar.data, t]);

  if (!session) return <Loading />;
  if (!mayRead) return <NotAllowed signedIn={Boolean(session.user)} />;

  const items = (data?.items ?? []).filter((s) => !gone.includes(s.key));

  return (
    <>
      <PageHeader title={t('conflicts.queue.title')} lead={t('conflicts.queue.lead')} />
      <ConflictsSubNav />
      {queue.status === 'error' ? <ErrorMessage error={queue.error} /> : null}
      {!data && queue.status === 'loading' ? <Loading /> : null}
      {data ? (
        <>
          <dl className="stat-grid queue-stats">
            <div className="stat">
              <dt>{t('conflicts.queue.open')}</dt>
              <dd data-testid="queue-open">{formatNumber(items.length, lang)}</dd>
            </div>
            <div className="stat">
              <dt>{t('conflicts.queue.decided')}</dt>
              <dd data-testid="queue-decided">{formatNumber(data.decided, lang)}</dd>
            </div>
            <div className="stat">
              <dt>{t('conflicts.queue.dismissedCount')}</dt>
              <dd data-testid="queue-dismissed">{formatNumber(data.dismissed.length, lang)}</dd>
            </div>
          </dl>
          {!mayDecide ? <p className="muted">{t('conflicts.queue.readOnly')}</p> : null}
          <p
            className={notice ? 'form-ok' : 'visually-hidden'}
            role="status"
            tabIndex={-1}
            ref={noticeRef}
            data-testid="queue-notice"
          >
            {notice}
          </p>
          {items.length === 0 ? <p>{t('conflicts.queue.empty')}</p> : null}
          {SUGGESTION_KINDS.map((kind) => {
            const ofKind = items.filter((s) => s.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <section
                key={kind}
                className="section tight queue-group"
                aria-labelledby={`queue-${kind}`}
                data-testid={`queue-group-${kind}`}
              >
                <h2 id={`queue-${kind}`}>
                  {t(`conflicts.queue.kinds.${kind}`)}{' '}
                  <span className="muted">({formatNumber(ofKind.length, lang)})</span>
                </h2>
                <p className="muted">{t(`conflicts.queue.kindHints.${kind}`)}</p>
                <ul className="suggestion-list">
                  {ofKind.map((s) => (
                    <SuggestionItem
                      key={s.key}
                      suggestion={s}
                      mayDecide={mayDecide}
                      placeName={placeName}
                      onDismissed={() => {
                        setGone((g) => [...g, s.key]);
                        setNotice(t('conflicts.queue.dismissedNotice', { title: s.proposal.title }));
                        setReload((n) => n + 1);
                      }}
                      onChanged={() => setReload((n) => n + 1)}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
          <DismissedList dismissed={data.dismissed} />
        </>
      ) : null}
    </>
  );
}

function SuggestionItem({
  suggestion: s,
  mayDecide,
  placeName,
  onDismissed,
  onChanged,
}: {
  suggestion: Suggestion;
  mayDecide: boolean;
  placeName: (code: string) => string;
  onDismissed: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const headingId = `suggestion-${s.key.replace(/[^a-z0-9-]/gi, '-')}`;

  const dismiss = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('conflicts.validation.dismissSuggestion'));
      return;
    }
    setBusy(true);
    try {
      unwrapEmpty(
        await api.POST('/api/v1/goal-conflict-suggestions/dismissals', {
          body: { key: s.key, inputsHash: s.inputsHash, reason: reason.trim() },
        }),
      );
      onDismissed();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SUGGESTION_CHANGED') {
        setFormError(t('conflicts.queue.changed'));
        onChanged();
      } else if (e instanceof ApiError && e.fieldErrors.length) {
        setError(t('conflicts.validation.dismissSuggestion'));
      } else if (e instanceof ApiError) {
        setFormError(t('conflicts.failed', { status: e.status }));
      } else {
        setFormError(t('problems.network'));
      }
    } finally {
      setBusy(false);
    }
  };

  const places = s.proposal.places.map(placeName);
  return (
    <li className="suggestion-card" data-testid="suggestion" data-key={s.key}>
      <h3 id={headingId}>
        {s.effort ? (
          <Link to={`/insatser/${s.effort.id}`}>{s.effort.title}</Link>
        ) : s.matrix ? (
          t('conflicts.queue.matrixCell', { row: s.matrix.row, column: s.matrix.column })
        ) : (
          s.proposal.title
        )}
      </h3>
      <p className="suggestion-reason" data-testid="suggestion-reason">
        {suggestionReason(t, s, lang)}
      </p>
      {s.matrix ? (
        <p className="suggestion-meta">
          {t('conflicts.queue.inMatrix')}{' '}
          <Link to={`/samspelsmatriser/${s.matrix.id}`}>{s.matrix.title}</Link>
        </p>
      ) : null}
      <p className="suggestion-meta">
        {t('conflicts.queue.proposal', {
          severity: t('conflicts.severityWords', {
            word: t(`conflicts.severities.${s.proposal.severity}`),
            severity: s.proposal.severity,
          }),
        })}
        {places.length ? ` ${t('conflicts.queue.proposalPlaces', { places: joinNames(places, lang) })}` : ''}
      </p>
      {mayDecide ? (
        <div className="suggestion-actions">
          <Link
            className="button"
            to={`/malkonflikter/ny?forslag=${encodeURIComponent(s.key)}`}
            aria-describedby={headingId}
          >
            {t('conflicts.queue.make')}
          </Link>
          <button
            type="button"
            className="button button-secondary"
            ref={toggle}
            aria-expanded={open}
            aria-describedby={headingId}
            onClick={() => {
              setOpen(!open);
              setError(undefined);
              setFormError(undefined);
            }}
          >
            {t('conflicts.queue.dismiss')}
          </button>
          {s.kind === 'sami_place' && s.effort ? (
            // A missing consultation is often the answer: record it for the effort.
            <Link
              className="button button-secondary"
              to={`/samrad/ny?insats=${encodeURIComponent(s.effort.id)}`}
              aria-describedby={headingId}
            >
              {t('conflicts.queue.registerConsultation')}
            </Link>
          ) : null}
        </div>
      ) : null}
      {mayDecide && open ? (
        <form className="inline-form dismiss-form" onSubmit={dismiss} noValidate>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <FormField label={t('conflicts.queue.reason')} hint={t('conflicts.queue.reasonHint')} error={error}>
            {(f) => (
              <textarea
                {...f}
                rows={3}
                value={reason}
                // biome-ignore lint/a11y/noAutofocus: the field the reader just asked for
                autoFocus
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('conflicts.queue.confirmDismiss')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setOpen(false);
                toggle.current?.focus();
              }}
            >
              {t('conflicts.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

/** Dismissed suggestions for the record: what, why, who and when. */
function DismissedList({ dismissed }: { dismissed: DismissedSuggestion[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const matrixIds = [
    ...new Set(dismissed.filter((d) => d.key.startsWith('matrix:')).map((d) => d.key.split(':')[1] ?? '')),
  ];
  const needsEfforts = dismissed.some((d) => !d.key.startsWith('matrix:'));
  // Names of what was dismissed: the efforts' titles and the matrix cells' goals.
  const names = useApi(async () => {
    const map = new Map<string, string>();
    if (needsEfforts) {
      const efforts = unwrap(
        await api.GET('/api/v1/efforts', { params: { query: { limit: 500 } as never } }),
      );
      for (const e of efforts.items) map.set(e.id, e.title);
    }
    for (const id of matrixIds) {
      const m = await api
        .GET('/api/v1/interaction-matrices/{id}', { params: { path: { id } } })
        .catch(() => null);
      if (m?.data) for (const n of m.data.nodes) map.set(n.id, n.label);
    }
    return map;
  }, [needsEfforts, matrixIds.join(',')]);
  const when = new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'medium' });
  const nameOf = (key: string) => {
    const [kind, a = '', b = '', c = ''] = key.split(':');
    const n = names.data;
    if (kind === 'matrix')
      return t('conflicts.queue.dismissedMatrix', { row: n?.get(b) ?? '…', column: n?.get(c) ?? '…' });
    const title = n?.get(a) ?? '…';
    return kind === 'sami-place'
      ? t('conflicts.queue.dismissedSami', { title })
      : t('conflicts.queue.dismissedAssessment', { title });
  };
  const sorted = [...dismissed].sort((x, y) => y.decidedAt.localeCompare(x.decidedAt));
  return (
    <section className="section tight" aria-labelledby="dismissed-title" data-testid="dismissed-list">
      <h2 id="dismissed-title">
        {t('conflicts.queue.dismissedTitle')}{' '}
        <span className="muted">({formatNumber(dismissed.length, lang)})</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('conflicts.queue.noDismissed')}</p>
      ) : (
        <TableScroll label={t('conflicts.queue.dismissedTitle')}>
          <table className="data-table dismissed-table">
            <caption className="visually-hidden">{t('conflicts.queue.dismissedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflicts.queue.suggestion')}</th>
                <th scope="col">{t('conflicts.queue.reasonColumn')}</th>
                <th scope="col">{t('conflicts.queue.dismissedBy')}</th>
                <th scope="col">{t('conflicts.queue.dismissedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{nameOf(d.key)}</th>
                  <td lang={d.reason && lang.startsWith('en') ? 'sv' : undefined}>{d.reason ?? '–'}</td>
                  <td>{d.decidedBy}</td>
                  <td className="nowrap">{when.format(new Date(d.decidedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
