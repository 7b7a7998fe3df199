import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { FormField } from '../../../components/FormField';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { TableScroll } from '../../../components/TableScroll';
import { formatDate, formatNumber } from '../../../lib/format';
import { problemMessages } from '../../../lib/problems';
import { useApi } from '../../../lib/useApi';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { listLessons } from '../learning/api';
import { S3SubNav } from '../S3SubNav';
import {
  addInput,
  changeInput,
  deleteMeeting,
  deleteRegistration,
  getInput,
  getMeeting,
  type Input,
  type InputKind,
  type InputStatus,
  listRegistrations,
  type Meeting,
  meetingCalendarUrl,
  registrationsDownloadUrl,
} from './api';
import {
  areaName,
  byHelix,
  INPUT_KINDS,
  INPUT_STATUSES,
  isStaffRole,
  meetingPlace,
  meetingWhen,
  statusBadgeClass,
  todayInSweden,
} from './labels';
import { RegistrationForm } from './RegistrationForm';
import './meetings.css';

/** One meeting: facts, agenda, participants by helix type, input and what became of it, registration. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const arrivedSaved = (location.state as { saved?: boolean } | null)?.saved === true;
  const [saved, setSaved] = useState(arrivedSaved);
  useEffect(() => {
    if (!arrivedSaved) return;
    setSaved(true);
    navigate(location.pathname, { replace: true, state: null });
  }, [arrivedSaved, location.pathname, navigate]);
  const signedIn = session?.user?.id ?? '';
  const [reload, setReload] = useState(0);
  const record = useApi(() => getMeeting(id), [id, signedIn, reload]);
  const [deleteError, setDeleteError] = useState<string>();
  // While the meeting is reloaded after a change, the page keeps showing it (and open forms stay).
  const shown = useRef<{ key: string; meeting: Meeting }>(undefined);
  const key = `${id} ${signedIn}`;
  if (record.status === 'ok') shown.current = { key, meeting: record.data };
  const kept = record.status === 'loading' && shown.current?.key === key ? shown.current.meeting : undefined;

  if (record.status === 'loading' && !kept) return <Loading />;
  if (record.status === 'error') {
    const status = record.error instanceof ApiError ? record.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('s3Meetings.page.notFound')}
          backTo="/smart-specialisering/moten"
          backLabel={t('s3Meetings.page.back')}
        />
      );
    return <ErrorMessage error={record.error} />;
  }
  const m = record.status === 'ok' ? record.data : (kept as Meeting);
  const staff = isStaffRole(session?.role);
  const sv = lang.startsWith('en') ? 'sv' : undefined;
  const takesRegistrations =
    m.visibility === 'published' && m.registrationOpen && m.heldOn >= todayInSweden();

  const remove = async () => {
    if (!window.confirm(t('s3Meetings.page.confirmDelete'))) return;
    try {
      await deleteMeeting(m.id, m.version);
      navigate('/smart-specialisering/moten');
    } catch (e) {
      const messages = problemMessages(t, e, {
        IN_USE: t('s3Meetings.page.inUse'),
        VERSION_MISMATCH: t('s3Meetings.page.deleteStale'),
      });
      setDeleteError(messages.form);
      if (e instanceof ApiError && e.status === 412) setReload((n) => n + 1);
    }
  };

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/smart-specialisering/moten">{t('s3Meetings.title')}</Link>
          </li>
          <li aria-current="page" lang={sv}>
            {m.title}
          </li>
        </ol>
      </nav>
      <p className="kicker">{t('s3Meetings.kicker')}</p>
      <div lang={sv}>
        <PageHeader title={m.title}>
          <p className="badges" lang={lang}>
            <span className="badge">{t(`s3Meetings.formats.${m.format}`)}</span>
            {m.isExample ? <span className="badge">{t('s3Meetings.example')}</span> : null}
            {m.visibility === 'internal' ? (
              <span className="badge badge-warn">{t('s3Meetings.internal')}</span>
            ) : null}
            {takesRegistrations ? (
              <span className="badge badge-ok">{t('s3Meetings.registrationOpen')}</span>
            ) : null}
          </p>
        </PageHeader>
      </div>
      <S3SubNav />
      {saved ? (
        <p className="form-ok" role="status">
          {t('s3Meetings.page.saved')}
        </p>
      ) : null}

      <div className="list-actions">
        {staff ? (
          <Link className="button" to={`/smart-specialisering/moten/${m.id}/andra`}>
            {t('s3Meetings.page.edit')}
          </Link>
        ) : null}
        {/* A meeting that has been held is no longer offered for the calendar. */}
        {m.heldOn >= todayInSweden() ? (
          <a
            className="button button-secondary"
            href={meetingCalendarUrl(m.id)}
            download
            data-testid="meeting-calendar"
          >
            {t('s3Meetings.page.calendar')}
          </a>
        ) : null}
        {staff ? (
          <button type="button" className="button button-secondary" onClick={remove}>
            {t('s3Meetings.page.delete')}
          </button>
        ) : null}
      </div>
      {deleteError ? (
        <p className="form-error" role="alert">
          {deleteError}
        </p>
      ) : null}

      <dl className="facts" data-testid="meeting-facts">
        <div>
          <dt>{t('s3Meetings.fields.heldOn')}</dt>
          <dd>
            <time dateTime={m.heldOn}>{meetingWhen(m, lang)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('s3Meetings.fields.place')}</dt>
          <dd>{meetingPlace(t, m)}</dd>
        </div>
        <div>
          <dt>{t('s3Meetings.fields.format')}</dt>
          <dd>{t(`s3Meetings.formats.${m.format}`)}</dd>
        </div>
        <div>
          <dt>{t('s3Meetings.fields.strengthAreas')}</dt>
          <dd>
            {m.strengthAreas.map((a, i) => (
              <span key={a.id}>
                {i > 0 ? ', ' : ''}
                <Link to={`/smart-specialisering/${a.slug}`}>{areaName(a, lang)}</Link>
              </span>
            ))}
          </dd>
        </div>
      </dl>

      {takesRegistrations ? (
        <section className="panel" aria-labelledby="register-title">
          <h2 id="register-title">{t('s3Meetings.page.registerTitle')}</h2>
          <RegistrationForm meetingId={m.id} title={m.title} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('s3Meetings.fields.agenda')}</h2>
        <p className="description" lang={m.agenda ? sv : undefined}>
          {m.agenda ?? t('s3Meetings.page.noAgenda')}
        </p>
      </section>

      <Participants meeting={m} />

      <section className="section" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('s3Meetings.fields.notes')}</h2>
        <p className="description" lang={m.notes ? sv : undefined}>
          {m.notes ?? t('s3Meetings.page.noNotes')}
        </p>
      </section>

      {m.inputs !== null ? (
        <Inputs meeting={m} staff={staff} onChanged={() => setReload((n) => n + 1)} />
      ) : null}

      <MeetingLessons meetingId={m.id} signedIn={signedIn} />

      {staff ? <Registrations meeting={m} /> : null}
    </>
  );
}

/** The lessons in the learning log that cite this meeting; nothing when there are none. */
function MeetingLessons({ meetingId, signedIn }: { meetingId: string; signedIn: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sv = lang.startsWith('en') ? 'sv' : undefined;
  const lessons = useApi(() => listLessons(), [meetingId, signedIn]);
  if (lessons.status !== 'ok') return null;
  const cited = lessons.data.filter((l) => l.meetings.some((x) => x.id === meetingId));
  if (cited.length === 0) return null;
  return (
    <section className="section" aria-labelledby="meeting-lessons-title" data-testid="meeting-lessons">
      <h2 id="meeting-lessons-title">{t('s3Meetings.page.lessonsTitle')}</h2>
      <ul>
        {cited.map((l) => (
          <li key={l.id}>
            <Link to={`/smart-specialisering/larlogg/lardom/${l.id}`} lang={sv}>
              {l.title}
            </Link>{' '}
            <span className="muted">
              (<time dateTime={l.learnedOn}>{formatDate(l.learnedOn, lang)}</time>)
            </span>{' '}
            {l.isExample ? <span className="badge">{t('s3Meetings.example')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Participants({ meeting: m }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const groups = byHelix(m.organisations);
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v, lang));
  return (
    <section className="section" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('s3Meetings.page.participantsTitle')}</h2>
      {m.counts.total === null ? (
        <p className="muted">{t('s3Meetings.page.noCounts')}</p>
      ) : (
        <TableScroll label={t('s3Meetings.page.countsCaption')}>
          <table className="data-table meeting-counts" data-testid="meeting-counts">
            <caption>{t('s3Meetings.page.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('s3Meetings.fields.countWomen')}
                </th>
                <th scope="col" className="num">
                  {t('s3Meetings.fields.countMen')}
                </th>
                <th scope="col" className="num">
                  {t('s3Meetings.fields.countOther')}
                </th>
                <th scope="col" className="num">
                  {t('s3Meetings.fields.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="num">{n(m.counts.women)}</td>
                <td className="num">{n(m.counts.men)}</td>
                <td className="num">{n(m.counts.other)}</td>
                <td className="num">{n(m.counts.total)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="helix-title">{t('s3Meetings.fields.organisations')}</h3>
      {groups.length === 0 ? (
        <p className="muted">{t('s3Meetings.page.noOrganisations')}</p>
      ) : (
        <div className="helix-groups" data-testid="helix-groups">
          {groups.map((g) => (
            <section key={g.helix} aria-labelledby={`helix-${g.helix}`} data-testid={`helix-${g.helix}`}>
              <h4 id={`helix-${g.helix}`}>
                {t(`s3Meetings.helix.${g.helix}`)} ({g.organisations.length})
              </h4>
              <ul>
                {g.organisations.map((o) => (
                  <li key={o.id}>
                    {o.hidden ? (
                      t('s3Meetings.page.otherOrganisation')
                    ) : (
                      <Link to={`/aktorer/${o.id}`}>{o.name}</Link>
                    )}
                    <span className="muted">
                      {' '}
                      – {t(`actors.kinds.${o.kind}`)}, {t(`actors.levels.${o.level}`).toLowerCase()}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

function Inputs({
  meeting: m,
  staff,
  onChanged,
}: {
  meeting: Meeting;
  staff: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const sv = lang.startsWith('en') ? 'sv' : undefined;
  const inputs = m.inputs ?? [];
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState<string>();
  return (
    <section className="section" aria-labelledby="inputs-title">
      <h2 id="inputs-title">{t('s3Meetings.page.inputsTitle')}</h2>
      <p>{t('s3Meetings.page.inputsLead')}</p>
      {notice ? (
        <p className="form-ok" role="status">
          {notice}
        </p>
      ) : null}
      {inputs.length === 0 ? (
        <p className="muted">
          {/* A partner reads only its own organisation's input: others' may exist. */}
          {session?.role === 'partner' ? t('s3Meetings.page.noOwnInputs') : t('s3Meetings.page.noInputs')}
        </p>
      ) : (
        <ul className="input-list" data-testid="input-list">
          {inputs.map((input) => (
            <li key={input.id} className="input-item" data-testid="input-item">
              <p className="badges">
                <span className="badge">{t(`s3Meetings.inputKinds.${input.kind}`)}</span>
                <span className={statusBadgeClass(input.status)} data-testid="input-status">
                  {t(`s3Meetings.inputStatuses.${input.status}`)}
                </span>
                {input.isExample ? <span className="badge">{t('s3Meetings.example')}</span> : null}
              </p>
              <p lang={sv}>{input.text}</p>
              <p className="muted">
                {areaName(input.strengthArea, lang)}
                {input.raisedBy
                  ? ` · ${t('s3Meetings.page.raisedBy')}: ${input.raisedBy.hidden ? t('s3Meetings.page.otherOrganisation') : input.raisedBy.name}`
                  : ''}
              </p>
              {input.statusReason ? (
                <p>
                  <strong>{t('s3Meetings.page.reason')}:</strong> <span lang={sv}>{input.statusReason}</span>
                </p>
              ) : null}
              <div className="input-actions">
                {input.initiative ? (
                  <Link
                    to={`/smart-specialisering/initiativ/${input.initiative.id}`}
                    data-testid="initiative-link"
                  >
                    {t('s3Meetings.page.openInitiative', { title: input.initiative.title })}
                  </Link>
                ) : staff ? (
                  <Link
                    to={`/smart-specialisering/initiativ/ny?omrade=${encodeURIComponent(input.strengthArea.slug)}&fran=${input.id}`}
                    data-testid="to-initiative"
                  >
                    {t('s3Meetings.page.toInitiative')}
                  </Link>
                ) : null}
                {staff && editing !== input.id ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => {
                      setEditing(input.id);
                      setNotice(undefined);
                    }}
                    aria-label={`${t('s3Meetings.input.changeStatus')}: ${input.text.slice(0, 60)}`}
                  >
                    {t('s3Meetings.input.changeStatus')}
                  </button>
                ) : null}
              </div>
              {staff && editing === input.id ? (
                <StatusForm
                  input={input}
                  onStale={onChanged}
                  onDone={(changed) => {
                    setEditing(undefined);
                    if (changed) setNotice(t('s3Meetings.input.statusSaved'));
                    // Also after cancelling: a colleague's change may have come in meanwhile.
                    onChanged();
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {staff ? (
        <AddInput
          meeting={m}
          onAdded={() => {
            setNotice(t('s3Meetings.input.added'));
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

function StatusForm({
  input,
  onDone,
  onStale,
}: {
  input: Input;
  onDone: (changed: boolean) => void;
  /** Someone else saved the input meanwhile: reload what the page shows. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<InputStatus>(input.status);
  const [reason, setReason] = useState(input.statusReason ?? '');
  // The version this form saves over: the one it opened with, or the colleague's after a 412.
  const [version, setVersion] = useState(input.version);
  const [savedStatus, setSavedStatus] = useState<InputStatus>(input.status);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => selectRef.current?.focus(), []);
  // "In the action plan" is set by making an initiative of the input; offered only if already so.
  const offered = INPUT_STATUSES.filter((s) => s !== 'in_action_plan' || savedStatus === 'in_action_plan');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status === 'not_taken' && !reason.trim()) {
      setErrors({ statusReason: t('s3Meetings.input.reasonRequired') });
      return;
    }
    setSaving(true);
    try {
      await changeInput(input.id, version, {
        status,
        statusReason: reason.trim() || null,
        ...(status === 'in_action_plan' ? {} : { initiativeId: null }),
      });
      onDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // Keep the user's choice; take the colleague's version so that saving again works.
        onStale();
        try {
          const fresh = await getInput(input.id);
          setVersion(fresh.version);
          setSavedStatus(fresh.status);
          setErrors({
            form: t('s3Meetings.input.staleStatus', {
              status: t(`s3Meetings.inputStatuses.${fresh.status}`),
            }),
          });
        } catch (again) {
          setErrors(problemMessages(t, again));
        }
        return;
      }
      const messages = problemMessages(t, e, { VERSION_MISMATCH: t('s3Meetings.input.stale') });
      if (messages.statusReason) messages.statusReason = t('s3Meetings.input.reasonRequired');
      setErrors(messages);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-busy={saving} data-testid="status-form">
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <FormField label={t('s3Meetings.input.status')}>
        {(p) => (
          <select
            {...p}
            ref={selectRef}
            value={status}
            onChange={(e) => setStatus(e.target.value as InputStatus)}
          >
            {offered.map((s) => (
              <option key={s} value={s}>
                {t(`s3Meetings.inputStatuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={t('s3Meetings.input.statusReason')}
        hint={t('s3Meetings.input.statusReasonHint')}
        error={errors.statusReason}
      >
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      {savedStatus !== 'in_action_plan' ? (
        <p className="field-hint">{t('s3Meetings.input.inPlanHint')}</p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {t('s3Meetings.input.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('s3Meetings.input.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddInput({ meeting: m, onAdded }: { meeting: Meeting; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [areaId, setAreaId] = useState(m.strengthAreas[0]?.id ?? '');
  const [kind, setKind] = useState<InputKind>('need');
  const [text, setText] = useState('');
  const [raisedBy, setRaisedBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const named = m.organisations.filter((o) => !o.hidden);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setErrors({ text: t('s3Meetings.input.textRequired') });
      return;
    }
    setSaving(true);
    try {
      await addInput(m.id, {
        strengthAreaId: areaId,
        kind,
        text: text.trim(),
        raisedByOrganisationId: raisedBy || null,
      });
      setText('');
      setRaisedBy('');
      setErrors({});
      onAdded();
    } catch (e) {
      setErrors(problemMessages(t, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="panel form"
      onSubmit={submit}
      noValidate
      aria-busy={saving}
      aria-labelledby="add-input-title"
      data-testid="add-input"
    >
      <h3 id="add-input-title">{t('s3Meetings.input.addTitle')}</h3>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-grid">
        <FormField label={t('s3Meetings.input.area')} error={errors.strengthAreaId}>
          {(p) => (
            <select {...p} value={areaId} onChange={(e) => setAreaId(e.target.value)}>
              {m.strengthAreas.map((a) => (
                <option key={a.id} value={a.id}>
                  {areaName(a, lang)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('s3Meetings.input.kind')} error={errors.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as InputKind)}>
              {INPUT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`s3Meetings.inputKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('s3Meetings.input.raisedBy')} error={errors.raisedByOrganisationId}>
          {(p) => (
            <select {...p} value={raisedBy} onChange={(e) => setRaisedBy(e.target.value)}>
              <option value="">{t('s3Meetings.input.noOrganisation')}</option>
              {named.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('s3Meetings.input.text')} error={errors.text}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={10000}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {t('s3Meetings.input.add')}
        </button>
      </div>
    </form>
  );
}

function Registrations({ meeting: m }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [reload, setReload] = useState(0);
  const list = useApi(() => listRegistrations(m.id), [m.id, reload]);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const remove = async (id: string) => {
    try {
      await deleteRegistration(id);
      setNotice(t('s3Meetings.page.registrationRemoved'));
      setError(undefined);
      setReload((n) => n + 1);
    } catch (e) {
      setError(problemMessages(t, e).form);
    }
  };
  return (
    <section className="section" aria-labelledby="registrations-title">
      <h2 id="registrations-title">{t('s3Meetings.page.registrationsTitle')}</h2>
      <p className="muted">{t('s3Meetings.page.registrationsLead')}</p>
      {notice ? (
        <p className="form-ok" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <p className="muted">{t('s3Meetings.page.noRegistrations')}</p>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <>
          <p className="export-links">
            {t('s3Meetings.download')}
            <a href={registrationsDownloadUrl(m.id, 'csv')} download>
              {t('s3Meetings.csv')}
            </a>
            <a href={registrationsDownloadUrl(m.id, 'xlsx')} download>
              {t('s3Meetings.xlsx')}
            </a>
          </p>
          <TableScroll label={t('s3Meetings.page.registrationsTitle')}>
            <table className="data-table" data-testid="registrations">
              <thead>
                <tr>
                  <th scope="col">{t('s3Meetings.page.name')}</th>
                  <th scope="col">{t('s3Meetings.page.organisation')}</th>
                  <th scope="col">{t('s3Meetings.page.email')}</th>
                  <th scope="col">{t('s3Meetings.page.registeredAt')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('s3Meetings.page.remove')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((r) => (
                  <tr key={r.id}>
                    <td>{r.name}</td>
                    <td>{r.organisation ?? '–'}</td>
                    <td>{r.email}</td>
                    <td>{formatDate(r.consentedAt.slice(0, 10), lang)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => remove(r.id)}
                        aria-label={t('s3Meetings.page.removeRegistration', { name: r.name })}
                      >
                        {t('s3Meetings.page.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}
