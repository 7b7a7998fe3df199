/** Record a lesson, or change one: its text, evidence, date, strength area and source meetings. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { getSteering } from '../../../api/queries';
import { useSession } from '../../../auth/session';
import { FormField } from '../../../components/FormField';
import { NotAllowed } from '../../../components/NotAllowed';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { S3SubNav } from '../S3SubNav';
import { changeLesson, createLesson, getLesson, type Lesson, type LessonInput, listMeetings } from './api';
import { AREA_PARAM, FORM, isDate, isStaffRole, LOG_PATH, nameIn, saveErrors, todayInSweden } from './labels';
import { changedOnly, type Merge, mergeDrafts, StaleChanges } from './StaleChanges';

type Draft = {
  title: string;
  lesson: string;
  evidence: string;
  learnedOn: string;
  strengthAreaId: string;
  meetingIds: string[];
};

const draftOf = (l: Lesson | undefined, areaId: string): Draft => ({
  title: l?.title ?? '',
  lesson: l?.lesson ?? '',
  evidence: l?.evidence ?? '',
  learnedOn: l?.learnedOn ?? '',
  strengthAreaId: l ? (l.strengthArea?.id ?? '') : areaId,
  meetingIds: l?.meetings.map((m) => m.id) ?? [],
});

const bodyOf = (d: Draft): LessonInput => ({
  title: d.title.trim(),
  lesson: d.lesson.trim(),
  evidence: d.evidence.trim() === '' ? null : d.evidence.trim(),
  learnedOn: d.learnedOn,
  strengthAreaId: d.strengthAreaId || null,
  meetingIds: d.meetingIds,
});

export function LessonFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const navigate = useNavigate();
  const existing = useApi(async () => (id && staff ? getLesson(id) : undefined), [id, staff]);
  const steering = useApi(getSteering, []);
  const meetings = useApi(async () => (staff ? listMeetings() : []), [staff]);
  const [base, setBase] = useState<Lesson>();
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [merged, setMerged] = useState<Merge<Draft>>();
  const [saving, setSaving] = useState(false);
  const [search, setSearch] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The draft is made once (per record): a later read must not throw away what was typed.
  const presetSlug = params.get(AREA_PARAM);
  const madeFor = useRef<string>(undefined);
  useEffect(() => {
    const source = id ?? 'new';
    if (madeFor.current === source || existing.status !== 'ok' || steering.status !== 'ok') return;
    if (id && !existing.data) return;
    madeFor.current = source;
    const presetArea = steering.data.strengthAreas.find((a) => a.slug === presetSlug)?.id ?? '';
    setDraft(draftOf(existing.data, presetArea));
    setBase(existing.data);
  }, [id, existing.status, existing.data, steering.status, steering.data, presetSlug]);

  useEffect(() => {
    if (!errors[FORM]) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? summaryRef.current)?.focus();
  }, [errors]);

  if (!session) return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;
  if (!staff) return <NotAllowed signedIn />;
  if (existing.status === 'error') {
    const status = existing.error instanceof ApiError ? existing.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('s3Learning.log.notFound')}
          backTo={LOG_PATH}
          backLabel={t('s3Learning.log.back')}
        />
      );
    return <ErrorMessage error={existing.error} />;
  }
  if (!draft) return <Loading />;
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const today = todayInSweden();

  const validate = () => {
    const e: Record<string, string> = {};
    const v = (k: string) => t(`s3Learning.validation.${k}`);
    if (!d.title.trim()) e.title = v('required');
    if (!d.lesson.trim()) e.lesson = v('required');
    if (!d.learnedOn) e.learnedOn = v('required');
    else if (!isDate(d.learnedOn)) e.learnedOn = v('date');
    else if (d.learnedOn > today) e.learnedOn = v('future');
    else {
      const held = new Map(allMeetings.map((m) => [m.id, m.heldOn]));
      const late = d.meetingIds.filter((x) => (held.get(x) ?? '') > d.learnedOn);
      if (late.length) e.meetingIds = v('meetingAfterLesson');
    }
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate();
    if (Object.keys(problems).length) {
      setErrors({ ...problems, [FORM]: t('s3Learning.form.fixErrors') });
      return;
    }
    // Only the fields the writer changed are sent: a save never reverts a colleague's edits.
    const changes = base ? changedOnly(bodyOf(d), bodyOf(draftOf(base, ''))) : undefined;
    if (base && changes && Object.keys(changes).length === 0) {
      navigate(`${LOG_PATH}/lardom/${base.id}`);
      return;
    }
    setSaving(true);
    try {
      const saved = base
        ? await changeLesson(base.id, base.version, changes ?? {})
        : await createLesson(bodyOf(d));
      navigate(`${LOG_PATH}/lardom/${saved.id}`, { state: { saved: true } });
    } catch (e) {
      // Someone else saved meanwhile: merge their version into the draft and show what they changed.
      if (e instanceof ApiError && e.status === 412 && base) {
        try {
          const now = await getLesson(base.id);
          const result = mergeDrafts(d, draftOf(base, ''), draftOf(now, ''));
          setDraft(result.draft);
          setBase(now);
          setMerged(result.merge);
        } catch {
          // the message below still tells the writer what happened
        }
      }
      setErrors(saveErrors(t, e));
    } finally {
      setSaving(false);
    }
  };

  const err = (k: string) => errors[k];
  const fieldLabel = (k: keyof Draft) =>
    t(
      `s3Learning.lessonForm.${({ strengthAreaId: 'area', meetingIds: 'meetings' } as Record<string, string>)[k] ?? k}`,
    );
  const areaName = (areaId: string) => {
    const a = steering.status === 'ok' ? steering.data.strengthAreas.find((x) => x.id === areaId) : undefined;
    return a ? nameIn(a.name, lang) : t('s3Learning.wholeProgramme');
  };
  const theirValue = (k: keyof Draft, theirs: Draft) => {
    if (k === 'learnedOn') return formatDate(theirs.learnedOn, lang);
    if (k === 'strengthAreaId') return areaName(theirs.strengthAreaId);
    if (k === 'meetingIds')
      return theirs.meetingIds
        .map(
          (x) => (meetings.status === 'ok' ? meetings.data.find((m) => m.id === x)?.title : undefined) ?? x,
        )
        .join(', ');
    return theirs[k] ? <span lang="sv">{theirs[k]}</span> : '';
  };
  const meetingError =
    err('meetingIds') ?? Object.entries(errors).find(([k]) => k.startsWith('meetingIds.'))?.[1];
  const allMeetings = meetings.status === 'ok' ? meetings.data : [];
  const words = search.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
  // Meetings already held (a lesson comes from them), the chosen area's first, newest first.
  const inArea = (m: (typeof allMeetings)[number]) => m.strengthAreas.some((a) => a.id === d.strengthAreaId);
  const ordered = [...allMeetings].sort((a, b) => Number(inArea(b)) - Number(inArea(a)));
  const shown = ordered.filter((m) => {
    if (d.meetingIds.includes(m.id)) return true;
    // A lesson comes from meetings already held on its date (planned ones are never offered).
    if (m.heldOn > (isDate(d.learnedOn) && d.learnedOn < today ? d.learnedOn : today)) return false;
    const text = `${m.title} ${m.heldOn} ${formatDate(m.heldOn, lang)}`.toLocaleLowerCase(lang);
    return words.every((w) => text.includes(w));
  });
  const title = base ? t('s3Learning.lessonForm.editTitle') : t('s3Learning.lessonForm.newTitle');
  const fieldMessages = [
    ...new Set(
      Object.entries(errors)
        .filter(([k]) => k !== FORM)
        .map(([, m]) => m),
    ),
  ];

  return (
    <>
      <PageHeader title={title} kicker={t('s3Learning.log.title')} lead={t('s3Learning.lessonForm.lead')} />
      <S3SubNav />
      <form
        className="form s3l-form"
        onSubmit={submit}
        noValidate
        aria-busy={saving}
        ref={formRef}
        data-testid="s3l-lesson-form"
      >
        {errors[FORM] ? (
          <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-error">
            <p>{errors[FORM]}</p>
            {fieldMessages.length ? (
              <ul>
                {fieldMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {merged ? (
          <StaleChanges
            merge={merged}
            label={fieldLabel}
            value={theirValue}
            onUseTheirs={(k) => {
              set({ [k]: merged.theirs[k] });
              setMerged({ ...merged, both: merged.both.filter((x) => x !== k) });
            }}
          />
        ) : null}
        <FormField label={t('s3Learning.lessonForm.title')} error={err('title')}>
          {(f) => (
            <input {...f} value={d.title} maxLength={300} onChange={(e) => set({ title: e.target.value })} />
          )}
        </FormField>
        <FormField
          label={t('s3Learning.lessonForm.lesson')}
          hint={t('s3Learning.lessonForm.lessonHint')}
          error={err('lesson')}
        >
          {(f) => (
            <textarea {...f} rows={5} value={d.lesson} onChange={(e) => set({ lesson: e.target.value })} />
          )}
        </FormField>
        <FormField
          label={t('s3Learning.lessonForm.evidence')}
          hint={t('s3Learning.lessonForm.evidenceHint')}
          error={err('evidence')}
        >
          {(f) => (
            <textarea
              {...f}
              rows={3}
              value={d.evidence}
              onChange={(e) => set({ evidence: e.target.value })}
            />
          )}
        </FormField>
        <div className="form-grid">
          <FormField
            label={t('s3Learning.lessonForm.learnedOn')}
            hint={t('s3Learning.lessonForm.learnedOnHint')}
            error={err('learnedOn')}
          >
            {(f) => (
              <input
                {...f}
                type="date"
                max={today}
                value={d.learnedOn}
                onChange={(e) => set({ learnedOn: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('s3Learning.lessonForm.area')} error={err('strengthAreaId')}>
            {(f) => (
              <select
                {...f}
                value={d.strengthAreaId}
                onChange={(e) => set({ strengthAreaId: e.target.value })}
              >
                <option value="">{t('s3Learning.wholeProgramme')}</option>
                {(steering.status === 'ok' ? steering.data.strengthAreas : []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {nameIn(a.name, lang)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <fieldset
          className={meetingError ? 's3l-picker field-invalid' : 's3l-picker'}
          aria-describedby={meetingError ? 's3l-meetings-error' : 's3l-meetings-hint'}
          data-testid="s3l-meeting-picker"
        >
          <legend>{t('s3Learning.lessonForm.meetings')}</legend>
          <p className="field-hint" id="s3l-meetings-hint">
            {t('s3Learning.lessonForm.meetingsHint')}
          </p>
          {meetingError ? (
            <p className="field-error" id="s3l-meetings-error">
              {meetingError}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="s3l-meeting-search">{t('s3Learning.lessonForm.meetingSearch')}</label>
            <input
              id="s3l-meeting-search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="s3l-meeting-search"
            />
          </div>
          <p className="muted" aria-live="polite">
            {t('s3Learning.lessonForm.chosen', { count: d.meetingIds.length })}
          </p>
          {meetings.status === 'loading' ? <Loading /> : null}
          {meetings.status === 'error' ? <ErrorMessage error={meetings.error} /> : null}
          {meetings.status === 'ok' && allMeetings.length === 0 ? (
            <p className="muted">{t('s3Learning.lessonForm.noMeetings')}</p>
          ) : null}
          {meetings.status === 'ok' && allMeetings.length > 0 && shown.length === 0 ? (
            <p className="muted">{t('s3Learning.lessonForm.noMatch')}</p>
          ) : null}
          <ul className="s3l-options">
            {shown.map((m) => (
              <li key={m.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={d.meetingIds.includes(m.id)}
                    onChange={(e) =>
                      set({
                        meetingIds: e.target.checked
                          ? [...d.meetingIds, m.id]
                          : d.meetingIds.filter((x) => x !== m.id),
                      })
                    }
                  />
                  <span>
                    <span lang="sv">{m.title}</span>{' '}
                    <span className="muted">({formatDate(m.heldOn, lang)})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving} data-testid="s3l-save">
            {base ? t('s3Learning.form.save') : t('s3Learning.form.create')}
          </button>
          <Link to={base ? `${LOG_PATH}/lardom/${base.id}` : LOG_PATH}>{t('s3Learning.form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
