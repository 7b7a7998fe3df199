import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { getMunicipalities, getSteering } from '../../../api/queries';
import { useSession } from '../../../auth/session';
import { FormField } from '../../../components/FormField';
import { NotAllowed } from '../../../components/NotAllowed';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { problemMessages } from '../../../lib/problems';
import { useApi } from '../../../lib/useApi';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { S3SubNav } from '../S3SubNav';
import {
  changeMeeting,
  createMeeting,
  getMeeting,
  type Meeting,
  type MeetingFormat,
  type MeetingInput,
  type MeetingPatch,
  searchOrganisations,
} from './api';
import { isStaffRole, MEETING_FORMATS } from './labels';
import './meetings.css';

type Chosen = { id: string; name: string; kind: string; level: string };

type Draft = {
  title: string;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  placeKind: 'municipality' | 'digital';
  areaCode: string;
  venue: string;
  format: MeetingFormat;
  agenda: string;
  notes: string;
  strengthAreaIds: string[];
  organisations: Chosen[];
  countWomen: string;
  countMen: string;
  countOther: string;
  registrationOpen: boolean;
  visibility: 'published' | 'internal';
};

const FORM = 'form';
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function draftOf(m: Meeting | undefined): Draft {
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    title: m?.title ?? '',
    heldOn: m?.heldOn ?? '',
    startsAt: m?.startsAt ?? '',
    endsAt: m?.endsAt ?? '',
    placeKind: m?.placeKind ?? 'municipality',
    areaCode: m?.areaCode ?? '',
    venue: m?.venue ?? '',
    format: m?.format ?? 'open_meeting',
    agenda: m?.agenda ?? '',
    notes: m?.notes ?? '',
    strengthAreaIds: m?.strengthAreas.map((a) => a.id) ?? [],
    organisations:
      m?.organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind, level: o.level })) ?? [],
    countWomen: count(m?.counts.women),
    countMen: count(m?.counts.men),
    countOther: count(m?.counts.other),
    registrationOpen: m?.registrationOpen ?? false,
    visibility: m?.visibility ?? 'published',
  };
}

const toCount = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

function bodyOf(d: Draft): MeetingInput {
  return {
    title: d.title.trim(),
    heldOn: d.heldOn,
    startsAt: d.startsAt.trim() || null,
    endsAt: d.endsAt.trim() || null,
    placeKind: d.placeKind,
    areaCode: d.placeKind === 'municipality' ? d.areaCode || null : null,
    venue: d.venue.trim() || null,
    format: d.format,
    agenda: d.agenda.trim() || null,
    notes: d.notes.trim() || null,
    strengthAreaIds: d.strengthAreaIds,
    organisationIds: d.organisations.map((o) => o.id),
    countWomen: toCount(d.countWomen),
    countMen: toCount(d.countMen),
    countOther: toCount(d.countOther),
    registrationOpen: d.registrationOpen,
    visibility: d.visibility,
  };
}

/** Record a meeting or change one: every field, organisations chosen from the actor register. */
export function MeetingFormPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const en = lang.startsWith('en');
  const { session } = useSession();
  const navigate = useNavigate();
  const staff = isStaffRole(session?.role);
  const existing = useApi(async () => (id && staff ? getMeeting(id) : undefined), [id, staff]);
  const steering = useApi(getSteering, []);
  const municipalities = useApi(getMunicipalities, []);
  const [draft, setDraft] = useState<Draft>();
  // The version to send: the one read, or after a 412 the one saved meanwhile (edits kept).
  const [version, setVersion] = useState<number>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const madeFor = useRef<string>(undefined);
  const source = id ? `edit:${id}` : 'new';

  useEffect(() => {
    if (madeFor.current === source || existing.status !== 'ok') return;
    if (id && !existing.data) return;
    madeFor.current = source;
    setDraft(draftOf(existing.data));
    setVersion(existing.data?.version);
  }, [source, id, existing.status, existing.data]);

  if (!session) return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;
  if (!staff) return <NotAllowed signedIn />;
  if (existing.status === 'error') {
    const status = existing.error instanceof ApiError ? existing.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('s3Meetings.page.notFound')}
          backTo="/smart-specialisering/moten"
          backLabel={t('s3Meetings.page.back')}
        />
      );
    return <ErrorMessage error={existing.error} />;
  }
  if (!draft) return <Loading />;
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!d.title.trim())
      e.title = t('s3Meetings.form.required', { field: t('s3Meetings.fields.title').toLowerCase() });
    if (!d.heldOn)
      e.heldOn = t('s3Meetings.form.required', { field: t('s3Meetings.fields.heldOn').toLowerCase() });
    if (d.startsAt && !CLOCK.test(d.startsAt)) e.startsAt = t('s3Meetings.form.timeFormat');
    if (d.endsAt && !CLOCK.test(d.endsAt)) e.endsAt = t('s3Meetings.form.timeFormat');
    if (d.endsAt && !d.startsAt) e.startsAt = t('s3Meetings.form.needStart');
    if (!e.startsAt && !e.endsAt && d.startsAt && d.endsAt && d.endsAt <= d.startsAt)
      e.endsAt = t('s3Meetings.form.endAfterStart');
    if (d.placeKind === 'municipality' && !d.areaCode) e.areaCode = t('s3Meetings.form.needMunicipality');
    for (const k of ['countWomen', 'countMen', 'countOther'] as const) {
      if (d[k].trim() !== '' && !/^\d{1,6}$/.test(d[k].trim())) e[k] = t('s3Meetings.form.countFormat');
    }
    if (d.strengthAreaIds.length === 0) e.strengthAreaIds = t('s3Meetings.form.needArea');
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate();
    if (Object.keys(problems).length) {
      setErrors({ ...problems, [FORM]: t('s3Meetings.form.fixErrors') });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    try {
      const body = bodyOf(d);
      // A change sends only the fields the writer changed, so a colleague's other changes stay.
      const base = existing.data ? bodyOf(draftOf(existing.data)) : undefined;
      const changed = base
        ? (Object.fromEntries(
            Object.entries(body).filter(
              ([k, v]) => JSON.stringify(v) !== JSON.stringify(base[k as keyof MeetingInput]),
            ),
          ) as MeetingPatch)
        : body;
      const saved =
        id && version !== undefined ? await changeMeeting(id, version, changed) : await createMeeting(body);
      navigate(`/smart-specialisering/moten/${saved.id}`, { state: { saved: true } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && id) {
        // Someone else saved: the draft stays as typed; the next save replaces their version.
        try {
          const now = await getMeeting(id);
          setVersion(now.version);
        } catch {
          // The message below still tells what happened.
        }
        setErrors({ [FORM]: t('s3Meetings.form.stale') });
      } else {
        const messages = problemMessages(t, e, { VERSION_MISMATCH: t('s3Meetings.form.stale') });
        const byField: Record<string, string> = {};
        for (const [k, v] of Object.entries(messages)) {
          const key = k.startsWith('strengthAreaIds')
            ? 'strengthAreaIds'
            : k.startsWith('organisationIds')
              ? 'organisations'
              : k;
          byField[key] = byField[key] && key !== FORM ? `${byField[key]}; ${v}` : v;
        }
        setErrors(byField);
      }
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  const title = existing.data
    ? t('s3Meetings.form.editTitle', { title: existing.data.title })
    : t('s3Meetings.form.newTitle');
  const messages = [
    ...new Set(
      Object.entries(errors)
        .filter(([k]) => k !== FORM)
        .map(([, m]) => m),
    ),
  ];
  const cancelTo = existing.data
    ? `/smart-specialisering/moten/${existing.data.id}`
    : '/smart-specialisering/moten';

  return (
    <>
      <PageHeader title={title} kicker={t('s3Meetings.kicker')} lead={t('s3Meetings.form.lead')} />
      <S3SubNav />
      <form
        className="form meeting-form"
        onSubmit={submit}
        noValidate
        aria-busy={saving}
        data-testid="meeting-form"
      >
        {errors[FORM] ? (
          <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-error">
            <p>{errors[FORM]}</p>
            {messages.length ? (
              <ul>
                {messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        <fieldset>
          <legend>{t('s3Meetings.form.sectionMeeting')}</legend>
          <FormField label={t('s3Meetings.fields.title')} error={errors.title}>
            {(p) => (
              <input
                {...p}
                type="text"
                maxLength={300}
                value={d.title}
                onChange={(e) => set({ title: e.target.value })}
              />
            )}
          </FormField>
          <div className="row-fields">
            <FormField label={t('s3Meetings.fields.heldOn')} error={errors.heldOn}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={d.heldOn}
                  onChange={(e) => set({ heldOn: e.target.value })}
                />
              )}
            </FormField>
            <FormField
              label={t('s3Meetings.fields.startsAt')}
              hint={t('s3Meetings.form.timeHint')}
              error={errors.startsAt}
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  inputMode="numeric"
                  placeholder="13:00"
                  maxLength={5}
                  value={d.startsAt}
                  onChange={(e) => set({ startsAt: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t('s3Meetings.fields.endsAt')} error={errors.endsAt}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  inputMode="numeric"
                  placeholder="16:00"
                  maxLength={5}
                  value={d.endsAt}
                  onChange={(e) => set({ endsAt: e.target.value })}
                />
              )}
            </FormField>
          </div>
          <FormField label={t('s3Meetings.fields.format')} error={errors.format}>
            {(p) => (
              <select
                {...p}
                value={d.format}
                onChange={(e) => set({ format: e.target.value as MeetingFormat })}
              >
                {MEETING_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`s3Meetings.formats.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </fieldset>

        <fieldset>
          <legend>{t('s3Meetings.fields.place')}</legend>
          <fieldset className="plain-fieldset">
            <legend className="group-label">{t('s3Meetings.fields.placeKind')}</legend>
            {(['municipality', 'digital'] as const).map((k) => (
              <label key={k} className="checkbox">
                <input
                  type="radio"
                  name="placeKind"
                  value={k}
                  checked={d.placeKind === k}
                  onChange={() => set({ placeKind: k })}
                />
                <span>{t(`s3Meetings.placeKinds.${k}`)}</span>
              </label>
            ))}
          </fieldset>
          {d.placeKind === 'municipality' ? (
            <FormField label={t('s3Meetings.fields.areaCode')} error={errors.areaCode}>
              {(p) => (
                <select {...p} value={d.areaCode} onChange={(e) => set({ areaCode: e.target.value })}>
                  <option value="">{t('s3Meetings.form.chooseMunicipality')}</option>
                  {(municipalities.data ?? []).map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          <FormField
            label={
              d.placeKind === 'digital' ? t('s3Meetings.fields.venueDigital') : t('s3Meetings.fields.venue')
            }
            error={errors.venue}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                maxLength={500}
                value={d.venue}
                onChange={(e) => set({ venue: e.target.value })}
              />
            )}
          </FormField>
        </fieldset>

        <fieldset aria-describedby={errors.strengthAreaIds ? 'areas-error' : undefined}>
          <legend>{t('s3Meetings.fields.strengthAreas')}</legend>
          {(steering.data?.strengthAreas ?? []).map((a) => (
            <label key={a.id} className="checkbox">
              <input
                type="checkbox"
                checked={d.strengthAreaIds.includes(a.id)}
                onChange={(e) =>
                  set({
                    strengthAreaIds: e.target.checked
                      ? [...d.strengthAreaIds, a.id]
                      : d.strengthAreaIds.filter((x) => x !== a.id),
                  })
                }
              />
              <span>{en ? (a.name.en ?? a.name.sv) : a.name.sv}</span>
            </label>
          ))}
          {errors.strengthAreaIds ? (
            <p className="field-error" id="areas-error">
              {errors.strengthAreaIds}
            </p>
          ) : null}
        </fieldset>

        <OrganisationPicker
          chosen={d.organisations}
          error={errors.organisations}
          onChange={(organisations) => set({ organisations })}
        />

        <fieldset>
          <legend>{t('s3Meetings.fields.counts')}</legend>
          <p className="field-hint">{t('s3Meetings.form.countsHint')}</p>
          <div className="row-fields">
            {(['countWomen', 'countMen', 'countOther'] as const).map((k) => (
              <FormField key={k} label={t(`s3Meetings.fields.${k}`)} error={errors[k]}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    inputMode="numeric"
                    maxLength={6}
                    value={d[k]}
                    onChange={(e) => set({ [k]: e.target.value })}
                  />
                )}
              </FormField>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('s3Meetings.form.sectionText')}</legend>
          <FormField
            label={t('s3Meetings.fields.agenda')}
            hint={t('s3Meetings.form.publicHint')}
            error={errors.agenda}
          >
            {(p) => (
              <textarea {...p} rows={5} value={d.agenda} onChange={(e) => set({ agenda: e.target.value })} />
            )}
          </FormField>
          <FormField
            label={t('s3Meetings.fields.notes')}
            hint={t('s3Meetings.form.publicHint')}
            error={errors.notes}
          >
            {(p) => (
              <textarea {...p} rows={6} value={d.notes} onChange={(e) => set({ notes: e.target.value })} />
            )}
          </FormField>
        </fieldset>

        <fieldset>
          <legend>{t('s3Meetings.form.sectionPublishing')}</legend>
          <FormField label={t('s3Meetings.fields.visibility')} error={errors.visibility}>
            {(p) => (
              <select
                {...p}
                value={d.visibility}
                onChange={(e) => set({ visibility: e.target.value as Draft['visibility'] })}
              >
                <option value="published">{t('s3Meetings.visibility.published')}</option>
                <option value="internal">{t('s3Meetings.visibility.internal')}</option>
              </select>
            )}
          </FormField>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={d.registrationOpen}
              onChange={(e) => set({ registrationOpen: e.target.checked })}
            />
            <span>{t('s3Meetings.fields.registrationOpen')}</span>
          </label>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {t('s3Meetings.form.save')}
          </button>
          <Link to={cancelTo}>{t('s3Meetings.form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

/** Organisations chosen by searching the actor register; a removable list with kind and level. */
function OrganisationPicker({
  chosen,
  error,
  onChange,
}: {
  chosen: Chosen[];
  error: string | undefined;
  onChange: (next: Chosen[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Chosen[]>();
  const [searching, setSearching] = useState(false);
  const [status, setStatus] = useState('');
  const inputId = useId();
  const hintId = useId();
  const search = async () => {
    if (q.trim().length < 2) {
      setHits(undefined);
      return;
    }
    setSearching(true);
    try {
      const found = await searchOrganisations(q.trim());
      setHits(found.map((o) => ({ id: o.id, name: o.name, kind: o.kind, level: o.level })));
    } catch {
      setHits([]);
    } finally {
      setSearching(false);
    }
  };
  const kindAndLevel = (o: Chosen) =>
    `${t(`actors.kinds.${o.kind}`)}, ${t(`actors.levels.${o.level}`).toLowerCase()}`;
  const offered = (hits ?? []).filter((h) => !chosen.some((c) => c.id === h.id));
  return (
    <fieldset>
      <legend>{t('s3Meetings.fields.organisations')}</legend>
      <p className="group-label">{t('s3Meetings.form.chosen')}</p>
      {chosen.length === 0 ? (
        <p className="muted">{t('s3Meetings.form.noneChosen')}</p>
      ) : (
        <ul className="chosen-organisations" data-testid="chosen-organisations">
          {chosen.map((o) => (
            <li key={o.id}>
              <span>
                {o.name} <span className="muted">– {kindAndLevel(o)}</span>
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('s3Meetings.form.removeOrganisation', { name: o.name })}
                onClick={() => {
                  onChange(chosen.filter((c) => c.id !== o.id));
                  setStatus(t('s3Meetings.form.removeOrganisation', { name: o.name }));
                }}
              >
                {t('s3Meetings.form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error ? <p className="field-error">{error}</p> : null}
      <div className="field">
        <label htmlFor={inputId}>{t('s3Meetings.form.searchOrganisations')}</label>
        <p className="field-hint" id={hintId}>
          {t('s3Meetings.form.searchHint')}
        </p>
        <span className="search-row">
          <input
            id={inputId}
            type="search"
            aria-describedby={hintId}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void search()}
            disabled={searching}
          >
            {t('s3Meetings.form.search')}
          </button>
        </span>
      </div>
      {hits !== undefined ? (
        offered.length === 0 ? (
          <p className="muted" role="status">
            {t('s3Meetings.form.noHits')}
          </p>
        ) : (
          <ul className="chosen-organisations" data-testid="organisation-hits">
            {offered.map((o) => (
              <li key={o.id}>
                <span>
                  {o.name} <span className="muted">– {kindAndLevel(o)}</span>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('s3Meetings.form.addOrganisation', { name: o.name })}
                  onClick={() => {
                    onChange([...chosen, o]);
                    setStatus(t('s3Meetings.form.addOrganisation', { name: o.name }));
                  }}
                >
                  {t('s3Meetings.form.addOrganisation', { name: '' }).trim()}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </fieldset>
  );
}
