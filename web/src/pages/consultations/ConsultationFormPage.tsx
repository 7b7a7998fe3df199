import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { FormField } from '../../components/FormField';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { collatorFor, formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConflictsSubNav } from '../conflicts/ConflictsSubNav';
import { NotFoundPage } from '../not-found/NotFoundPage';
import {
  type Consultation,
  type ConsultationInput,
  changeConsultation,
  createConsultation,
  getConsultation,
  getEffortOptions,
  getOrganisations,
} from './api';
import {
  FORMS,
  INITIATORS,
  isEnded,
  isUuid,
  MATTER_KINDS,
  OUTCOMES,
  outcomeDateLabel,
  PARTY_KINDS,
} from './labels';
import { type Draft, FORM, saveErrors, todayInSweden, validateDraft } from './validation';
import './consultations.css';

function draftOf(c: Consultation | undefined, effortId: string | undefined): Draft {
  return {
    matterKind: c?.matterKind ?? 'effort',
    matterTitle: c?.matterTitle ?? '',
    effortId: c ? (c.effort?.id ?? '') : (effortId ?? ''),
    significance: c?.significance ?? '',
    initiatedBy: c?.initiatedBy ?? 'region',
    requestedOn: c?.requestedOn ?? '',
    partyIds: c?.parties.map((p) => p.id) ?? [],
    meetings: c?.meetings.map((m) => ({ ...m })) ?? [],
    form: c?.form ?? '',
    documents: c?.documents.map((d) => ({ title: d.title, url: d.url ?? '' })) ?? [],
    outcome: c?.outcome ?? 'pending',
    outcomeOn: c?.outcomeOn ?? '',
    outcomeNote: c?.outcomeNote ?? '',
    exemptionGround: c?.exemptionGround ?? '',
    decisionText: c?.decisionText ?? '',
    decisionOn: c?.decisionOn ?? '',
  };
}

/** The fields of the draft, in the order of the form. */
const DRAFT_KEYS = Object.keys(draftOf(undefined, undefined)) as Array<keyof Draft>;

/** Comparable form of a field's value (the parties' order does not matter). */
const valueKey = (d: Draft, k: keyof Draft) =>
  JSON.stringify(k === 'partyIds' ? [...d.partyIds].sort() : d[k]);

/** A field's label: the draft's keys are mostly the labels' keys. */
const LABEL_KEYS: Partial<Record<keyof Draft, string>> = { effortId: 'effort', partyIds: 'parties' };

/** Fields whose saved value can be shown as a line of text (Swedish, as recorded). */
const TEXT_KEYS = new Set<keyof Draft>([
  'matterTitle',
  'significance',
  'outcomeNote',
  'exemptionGround',
  'decisionText',
]);
const DATE_KEYS = new Set<keyof Draft>(['requestedOn', 'outcomeOn', 'decisionOn']);

/**
 * After someone else saved (412): what they changed since the draft's base. A field only they
 * changed is taken over; a field both changed keeps the writer's value and is listed, with the
 * saved value to take instead.
 */
type Merge = { taken: Array<keyof Draft>; both: Array<keyof Draft>; theirs: Draft };

function merge(mine: Draft, base: Draft, theirs: Draft): { draft: Draft; merge: Merge } {
  const draft = { ...mine } as Record<keyof Draft, unknown>;
  const taken: Array<keyof Draft> = [];
  const both: Array<keyof Draft> = [];
  for (const k of DRAFT_KEYS) {
    if (valueKey(base, k) === valueKey(theirs, k)) continue; // not changed on the server
    if (valueKey(mine, k) === valueKey(theirs, k)) continue; // the same change on both sides
    if (valueKey(mine, k) === valueKey(base, k)) {
      draft[k] = theirs[k];
      taken.push(k);
    } else {
      both.push(k);
    }
  }
  return { draft: draft as Draft, merge: { taken, both, theirs } };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function bodyOf(d: Draft): ConsultationInput {
  return {
    matterKind: d.matterKind,
    matterTitle: d.matterTitle.trim(),
    effortId: d.effortId || null,
    significance: d.significance.trim(),
    initiatedBy: d.initiatedBy,
    requestedOn: d.requestedOn || null,
    partyIds: d.partyIds,
    meetings: d.meetings.map((m) => ({ date: m.date, form: m.form.trim(), note: m.note.trim() })),
    form: d.form || null,
    documents: d.documents.map((doc) => ({ title: doc.title.trim(), url: orNull(doc.url) })),
    outcome: d.outcome,
    // An open consultation has no end date; only an exempted matter has a ground.
    outcomeOn: d.outcome === 'pending' ? null : d.outcomeOn || null,
    outcomeNote: orNull(d.outcomeNote),
    exemptionGround: d.outcome === 'exempted' ? orNull(d.exemptionGround) : null,
    decisionText: orNull(d.decisionText),
    decisionOn: d.decisionOn || null,
  };
}

/** The kinds of the party groups, in the order they are offered. */
const GROUPS = [...PARTY_KINDS, 'other'] as const;

/**
 * Record a consultation under lag (2022:66) or change one: the matter, its Sami parties, meetings
 * and documents, the outcome (or a § 4 exemption) and the decision taken. `?insats=<id>` picks
 * the effort (the goal-conflict review queue links here).
 */
export function ConsultationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const navigate = useNavigate();
  const staff = session?.role === 'admin' || session?.role === 'editor';
  const insats = params.get('insats');
  const presetEffort = isUuid(insats) ? insats : undefined;
  const existing = useApi(async () => (id && staff ? getConsultation(id) : undefined), [id, staff]);
  // The version saved by someone else meanwhile, read after a refused save (412): its version
  // goes in If-Match, and the draft is merged with it (the writer's changes stay).
  const [latest, setLatest] = useState<Consultation>();
  const [merged, setMerged] = useState<Merge>();
  const organisations = useApi(async () => (staff ? getOrganisations() : []), [staff]);
  const efforts = useApi(async () => (staff ? getEffortOptions() : []), [staff]);
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The draft is made once per record (or once for a new one): a later read of the record
  // (a session refresh) must not throw away what the writer typed.
  const madeFor = useRef<string>(undefined);
  const source = id ? `edit:${id}` : `new:${presetEffort ?? ''}`;
  useEffect(() => {
    if (madeFor.current === source || existing.status !== 'ok') return;
    if (id && !existing.data) return;
    madeFor.current = source;
    setDraft(draftOf(existing.data, presetEffort));
    setLatest(undefined);
    setMerged(undefined);
  }, [source, id, existing.status, existing.data, presetEffort]);

  // An effort picked by the link from the review queue names the matter unless it is named.
  useEffect(() => {
    if (efforts.status !== 'ok' || id) return;
    setDraft((d) => {
      if (!d || d.matterTitle || !d.effortId) return d;
      const effort = efforts.data.find((e) => e.id === d.effortId);
      return effort ? { ...d, matterTitle: effort.title } : d;
    });
  }, [efforts.status, efforts.data, id]);

  // After a refused save: focus the first field to correct, else the message (also when the
  // form comes back after reading the record again).
  useEffect(() => {
    if (!errors[FORM] || existing.status !== 'ok') return;
    const form = formRef.current;
    const field =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('.field-invalid input');
    (field ?? summaryRef.current)?.focus();
  }, [errors, existing.status]);

  if (!session) return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;
  if (!staff) return <NotAllowed signedIn />;
  if (existing.status === 'error') {
    const status = existing.error instanceof ApiError ? existing.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('consultations.page.notFound')}
          backTo="/samrad"
          backLabel={t('consultations.page.back')}
        />
      );
    return <ErrorMessage error={existing.error} />;
  }
  // While the record is read (again, after someone else saved it) the form waits for it.
  if (!draft || (id && existing.status !== 'ok')) return <Loading />;
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const err = (key: string) => errors[key];
  const collator = collatorFor(lang);
  const today = todayInSweden();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validateDraft(d, t, today);
    if (Object.keys(problems).length > 0) {
      setErrors({ ...problems, [FORM]: t('consultations.form.fixErrors') });
      return;
    }
    setSaving(true);
    const base = latest ?? existing.data;
    try {
      const body = bodyOf(d);
      const saved = base
        ? await changeConsultation(base.id, base.version, body)
        : await createConsultation(body);
      navigate(`/samrad/${saved.id}`, { state: { saved: true } });
    } catch (e) {
      // Someone else saved: read what is stored now and merge it into the draft.
      if (e instanceof ApiError && e.status === 412 && base) {
        try {
          const now = await getConsultation(base.id);
          const result = merge(d, draftOf(base, undefined), draftOf(now, undefined));
          setLatest(now);
          setDraft(result.draft);
          setMerged(result.merge);
        } catch (again) {
          setErrors(saveErrors(t, again));
          return;
        }
      }
      setErrors(saveErrors(t, e));
    } finally {
      setSaving(false);
    }
  };

  const organisationList = organisations.status === 'ok' ? organisations.data : [];
  const offered = organisationList
    // Parties are samebyar, Sami organisations and Sametinget (a government agency); a party of
    // another kind already on the record stays visible so it can be taken away.
    .filter((o) => (PARTY_KINDS as readonly string[]).includes(o.kind) || d.partyIds.includes(o.id))
    .sort((a, b) => collator.compare(a.name, b.name));
  const groupOf = (kind: string) => ((PARTY_KINDS as readonly string[]).includes(kind) ? kind : 'other');
  const effortList =
    efforts.status === 'ok' ? [...efforts.data].sort((a, b) => collator.compare(a.title, b.title)) : [];
  const presetMissing =
    !id && presetEffort && efforts.status === 'ok' && !efforts.data.some((e) => e.id === presetEffort);
  const partyError = err('partyIds') ?? Object.entries(errors).find(([k]) => k.startsWith('partyIds'))?.[1];
  const title = existing.data
    ? t('consultations.form.editTitle', { title: existing.data.matterTitle })
    : t('consultations.form.newTitle');
  const fieldMessages = [
    ...new Set(
      Object.entries(errors)
        .filter(([k]) => k !== FORM)
        .map(([, m]) => m),
    ),
  ];
  const fieldLabel = (k: keyof Draft) => t(`consultations.fields.${LABEL_KEYS[k] ?? k}`);
  const savedValue = (theirs: Draft, k: keyof Draft) => {
    const v = theirs[k];
    if (typeof v !== 'string') return null;
    if (v === '') return t('consultations.form.savedEmpty');
    if (DATE_KEYS.has(k)) return formatDate(v, lang);
    if (TEXT_KEYS.has(k)) return <span lang="sv">{v}</span>;
    return null;
  };
  const cancelTo = existing.data ? `/samrad/${existing.data.id}` : '/samrad';

  return (
    <>
      <PageHeader title={title} kicker={t('consultations.page.kicker')} lead={t('consultations.form.lead')} />
      <ConflictsSubNav />
      <form className="form consultation-form" onSubmit={submit} noValidate aria-busy={saving} ref={formRef}>
        {errors[FORM] ? (
          <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-error">
            <p>{errors[FORM]}</p>
            {fieldMessages.length > 0 ? (
              <ul>
                {fieldMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {merged && (merged.taken.length > 0 || merged.both.length > 0) ? (
          <section
            className="panel consultation-merge"
            aria-labelledby="consultation-merge-title"
            data-testid="stale-changes"
          >
            <h2 id="consultation-merge-title">{t('consultations.form.mergeTitle')}</h2>
            {merged.taken.length > 0 ? (
              <p data-testid="stale-taken">
                {t('consultations.form.mergeTaken', {
                  fields: merged.taken.map(fieldLabel).join(', '),
                })}
              </p>
            ) : null}
            {merged.both.length > 0 ? (
              <>
                <p>{t('consultations.form.mergeBoth')}</p>
                <ul data-testid="stale-both">
                  {merged.both.map((k) => {
                    const shownValue = savedValue(merged.theirs, k);
                    return (
                      <li key={k}>
                        <strong>{fieldLabel(k)}</strong>
                        {shownValue ? (
                          <>
                            {' – '}
                            {t('consultations.form.mergeSaved')} {shownValue}
                          </>
                        ) : null}{' '}
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            setDraft({ ...d, [k]: merged.theirs[k] });
                            setMerged({ ...merged, both: merged.both.filter((x) => x !== k) });
                          }}
                        >
                          {t('consultations.form.mergeUseSaved', { field: fieldLabel(k) })}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}

        <fieldset>
          <legend>{t('consultations.form.matter')}</legend>
          <div className="form-grid">
            <FormField label={t('consultations.fields.matterKind')} error={err('matterKind')}>
              {(f) => (
                <select
                  {...f}
                  value={d.matterKind}
                  onChange={(e) => set({ matterKind: e.target.value as Draft['matterKind'] })}
                >
                  {MATTER_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`consultations.matterKinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          <FormField
            label={t('consultations.fields.effort')}
            hint={t('consultations.form.effortHint')}
            error={
              err('effortId') ?? (presetMissing ? t('consultations.validation.effortUnknown') : undefined)
            }
          >
            {(f) => (
              <select
                {...f}
                value={d.effortId}
                onChange={(e) => {
                  const effortId = e.target.value;
                  const effort = effortList.find((x) => x.id === effortId);
                  set({
                    effortId,
                    ...(effort && !d.matterTitle.trim() ? { matterTitle: effort.title } : {}),
                  });
                }}
              >
                <option value="">{t('consultations.form.noEffort')}</option>
                {presetMissing ? (
                  <option value={d.effortId}>{t('consultations.form.unknownEffort')}</option>
                ) : null}
                {effortList.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('consultations.fields.matterTitle')} error={err('matterTitle')}>
            {(f) => (
              <input
                {...f}
                value={d.matterTitle}
                maxLength={300}
                onChange={(e) => set({ matterTitle: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label={t('consultations.fields.significance')}
            hint={t('consultations.form.significanceHint')}
            error={err('significance')}
          >
            {(f) => (
              <textarea
                {...f}
                rows={4}
                value={d.significance}
                onChange={(e) => set({ significance: e.target.value })}
              />
            )}
          </FormField>
          <div className="form-grid">
            <fieldset className="consultation-choice">
              <legend>{t('consultations.fields.initiatedBy')}</legend>
              {INITIATORS.map((i) => (
                <label key={i} className="checkbox">
                  <input
                    type="radio"
                    name="initiatedBy"
                    value={i}
                    checked={d.initiatedBy === i}
                    onChange={() => set({ initiatedBy: i })}
                  />
                  {t(`consultations.initiators.${i}`)}
                </label>
              ))}
            </fieldset>
            <FormField label={t('consultations.fields.requestedOn')} error={err('requestedOn')}>
              {(f) => (
                <input
                  {...f}
                  type="date"
                  value={d.requestedOn}
                  onChange={(e) => set({ requestedOn: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t('consultations.fields.form')} error={err('form')}>
              {(f) => (
                <select
                  {...f}
                  value={d.form}
                  onChange={(e) => set({ form: e.target.value as Draft['form'] })}
                >
                  <option value="">{t('consultations.form.formNotSet')}</option>
                  {FORMS.map((x) => (
                    <option key={x} value={x}>
                      {t(`consultations.forms.${x}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
        </fieldset>

        <fieldset
          aria-describedby={partyError ? 'parties-error' : 'parties-hint'}
          className={partyError ? 'consultation-parties-field field-invalid' : 'consultation-parties-field'}
          data-testid="party-picker"
        >
          <legend>{t('consultations.fields.parties')}</legend>
          <p className="field-hint" id="parties-hint">
            {t('consultations.form.partiesHint')}
          </p>
          {partyError ? (
            <p className="field-error" id="parties-error">
              {partyError}
            </p>
          ) : null}
          {organisations.status === 'loading' ? <Loading /> : null}
          {organisations.status === 'error' ? <ErrorMessage error={organisations.error} /> : null}
          <div className="check-groups">
            {GROUPS.map((group) => {
              const members = offered.filter((o) => groupOf(o.kind) === group);
              if (members.length === 0) return null;
              return (
                <fieldset key={group} className="check-group">
                  <legend className="group-label">{t(`consultations.partyGroups.${group}`)}</legend>
                  {members.map((o) => (
                    <label key={o.id} className="checkbox">
                      <input
                        type="checkbox"
                        checked={d.partyIds.includes(o.id)}
                        onChange={(e) =>
                          set({
                            partyIds: e.target.checked
                              ? [...d.partyIds, o.id]
                              : d.partyIds.filter((x) => x !== o.id),
                          })
                        }
                      />
                      {o.name}
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('consultations.fields.meetings')}</legend>
          <p className="field-hint">{t('consultations.form.meetingsHint')}</p>
          {d.meetings.map((m, i) => {
            const setMeeting = (patch: Partial<Draft['meetings'][number]>) =>
              set({ meetings: d.meetings.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <fieldset key={i} className="consultation-row" data-testid={`meeting-${i}`}>
                <legend>{t('consultations.form.meetingN', { n: i + 1 })}</legend>
                <div className="row-fields">
                  <FormField label={t('consultations.fields.meetingDate')} error={err(`meetings.${i}.date`)}>
                    {(f) => (
                      <input
                        {...f}
                        type="date"
                        value={m.date}
                        onChange={(e) => setMeeting({ date: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField
                    label={t('consultations.fields.meetingForm')}
                    hint={t('consultations.form.meetingFormHint')}
                    error={err(`meetings.${i}.form`)}
                  >
                    {(f) => (
                      <input
                        {...f}
                        value={m.form}
                        maxLength={100}
                        onChange={(e) => setMeeting({ form: e.target.value })}
                      />
                    )}
                  </FormField>
                </div>
                <FormField label={t('consultations.fields.meetingNote')} error={err(`meetings.${i}.note`)}>
                  {(f) => (
                    <textarea
                      {...f}
                      rows={2}
                      value={m.note}
                      onChange={(e) => setMeeting({ note: e.target.value })}
                    />
                  )}
                </FormField>
                <p>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => set({ meetings: d.meetings.filter((_, j) => j !== i) })}
                  >
                    {t('consultations.form.removeMeeting', { n: i + 1 })}
                  </button>
                </p>
              </fieldset>
            );
          })}
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ meetings: [...d.meetings, { date: '', form: '', note: '' }] })}
            >
              {t('consultations.form.addMeeting')}
            </button>
          </p>
        </fieldset>

        <fieldset>
          <legend>{t('consultations.fields.documents')}</legend>
          <p className="field-hint">{t('consultations.form.documentsHint')}</p>
          {d.documents.map((doc, i) => {
            const setDocument = (patch: Partial<Draft['documents'][number]>) =>
              set({ documents: d.documents.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <fieldset key={i} className="consultation-row" data-testid={`document-${i}`}>
                <legend>{t('consultations.form.documentN', { n: i + 1 })}</legend>
                <div className="row-fields">
                  <FormField
                    label={t('consultations.fields.documentTitle')}
                    error={err(`documents.${i}.title`)}
                  >
                    {(f) => (
                      <input
                        {...f}
                        value={doc.title}
                        maxLength={300}
                        onChange={(e) => setDocument({ title: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField
                    label={t('consultations.fields.documentUrl')}
                    hint={t('consultations.form.documentUrlHint')}
                    error={err(`documents.${i}.url`)}
                  >
                    {(f) => (
                      <input
                        {...f}
                        type="url"
                        inputMode="url"
                        value={doc.url}
                        onChange={(e) => setDocument({ url: e.target.value })}
                      />
                    )}
                  </FormField>
                </div>
                <p>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => set({ documents: d.documents.filter((_, j) => j !== i) })}
                  >
                    {t('consultations.form.removeDocument', { n: i + 1 })}
                  </button>
                </p>
              </fieldset>
            );
          })}
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ documents: [...d.documents, { title: '', url: '' }] })}
            >
              {t('consultations.form.addDocument')}
            </button>
          </p>
        </fieldset>

        <fieldset>
          <legend>{t('consultations.fields.outcome')}</legend>
          <fieldset className="consultation-choice consultation-outcomes" data-testid="outcome-choice">
            <legend className="visually-hidden">{t('consultations.form.outcomeLegend')}</legend>
            {OUTCOMES.map((o) => (
              <div key={o} className="consultation-radio">
                <input
                  type="radio"
                  id={`outcome-${o}`}
                  name="outcome"
                  value={o}
                  checked={d.outcome === o}
                  aria-describedby={`outcome-${o}-hint`}
                  onChange={() => set({ outcome: o })}
                />
                <div>
                  <label htmlFor={`outcome-${o}`} className="consultation-radio-label">
                    {t(`consultations.outcomes.${o}`)}
                  </label>
                  <p className="field-hint" id={`outcome-${o}-hint`}>
                    {t(`consultations.outcomeHints.${o}`)}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>
          {d.outcome !== 'pending' ? (
            <div className="form-grid">
              <FormField
                label={outcomeDateLabel(t, d.outcome)}
                hint={isEnded(d.outcome) ? t('consultations.form.outcomeOnHint') : undefined}
                error={err('outcomeOn')}
              >
                {(f) => (
                  <input
                    {...f}
                    type="date"
                    max={today}
                    value={d.outcomeOn}
                    onChange={(e) => set({ outcomeOn: e.target.value })}
                  />
                )}
              </FormField>
            </div>
          ) : null}
          {d.outcome === 'exempted' ? (
            <FormField
              label={t('consultations.fields.exemptionGround')}
              hint={t('consultations.form.exemptionGroundHint')}
              error={err('exemptionGround')}
            >
              {(f) => (
                <textarea
                  {...f}
                  rows={3}
                  value={d.exemptionGround}
                  onChange={(e) => set({ exemptionGround: e.target.value })}
                />
              )}
            </FormField>
          ) : null}
          <FormField
            label={t('consultations.fields.outcomeNote')}
            hint={t('consultations.form.outcomeNoteHint')}
            error={err('outcomeNote')}
          >
            {(f) => (
              <textarea
                {...f}
                rows={3}
                value={d.outcomeNote}
                onChange={(e) => set({ outcomeNote: e.target.value })}
              />
            )}
          </FormField>
        </fieldset>

        <fieldset>
          <legend>{t('consultations.page.decision')}</legend>
          <p className="field-hint">{t('consultations.form.decisionHint')}</p>
          <FormField label={t('consultations.fields.decisionText')} error={err('decisionText')}>
            {(f) => (
              <textarea
                {...f}
                rows={3}
                value={d.decisionText}
                onChange={(e) => set({ decisionText: e.target.value })}
              />
            )}
          </FormField>
          <div className="form-grid">
            <FormField label={t('consultations.fields.decisionOn')} error={err('decisionOn')}>
              {(f) => (
                <input
                  {...f}
                  type="date"
                  value={d.decisionOn}
                  onChange={(e) => set({ decisionOn: e.target.value })}
                />
              )}
            </FormField>
          </div>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {existing.data ? t('consultations.form.save') : t('consultations.form.create')}
          </button>
          <Link to={cancelTo}>{t('consultations.form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
