/** Record a decision that changed priorities, or change one: what changed, when, by whom, and the lessons behind it. */
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
import {
  type Change,
  type ChangeInput,
  type ChangeKind,
  changeChange,
  createChange,
  getChange,
  listLessons,
} from './api';
import {
  AREA_PARAM,
  CHANGE_KINDS,
  FORM,
  isDate,
  isStaffRole,
  LOG_PATH,
  nameIn,
  saveErrors,
  todayInSweden,
} from './labels';
import { changedOnly, type Merge, mergeDrafts, StaleChanges } from './StaleChanges';

type Draft = {
  kind: ChangeKind;
  summary: string;
  decidedOn: string;
  decidedBy: string;
  reference: string;
  strengthAreaId: string;
  lessonIds: string[];
};

const draftOf = (c: Change | undefined, areaId: string): Draft => ({
  kind: c?.kind ?? 'priorities',
  summary: c?.summary ?? '',
  decidedOn: c?.decidedOn ?? '',
  decidedBy: c?.decidedBy ?? '',
  reference: c?.reference ?? '',
  strengthAreaId: c ? (c.strengthArea?.id ?? '') : areaId,
  lessonIds: c?.lessons.map((l) => l.id) ?? [],
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const bodyOf = (d: Draft): ChangeInput => ({
  kind: d.kind,
  summary: d.summary.trim(),
  decidedOn: d.decidedOn,
  decidedBy: orNull(d.decidedBy),
  reference: orNull(d.reference),
  strengthAreaId: d.strengthAreaId || null,
  lessonIds: d.lessonIds,
});

export function ChangeFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const navigate = useNavigate();
  const existing = useApi(async () => (id && staff ? getChange(id) : undefined), [id, staff]);
  const steering = useApi(getSteering, []);
  const lessons = useApi(async () => (staff ? listLessons() : []), [staff]);
  const [base, setBase] = useState<Change>();
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [merged, setMerged] = useState<Merge<Draft>>();
  const [saving, setSaving] = useState(false);
  const [search, setSearch] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

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
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input');
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
  const allLessons = lessons.status === 'ok' ? lessons.data : [];
  const lessonById = new Map(allLessons.map((l) => [l.id, l]));
  const today = todayInSweden();

  const validate = () => {
    const e: Record<string, string> = {};
    const v = (k: string, o?: Record<string, string>) => t(`s3Learning.validation.${k}`, o);
    if (!d.summary.trim()) e.summary = v('required');
    if (!d.decidedOn) e.decidedOn = v('required');
    else if (!isDate(d.decidedOn)) e.decidedOn = v('date');
    else if (d.decidedOn > today) e.decidedOn = v('decisionFuture');
    if (d.lessonIds.length === 0) e.lessonIds = v('lessonsRequired');
    else if (isDate(d.decidedOn)) {
      const late = d.lessonIds.map((x) => lessonById.get(x)).filter((l) => l && l.learnedOn > d.decidedOn);
      if (late.length)
        e.lessonIds = late.map((l) => v('lessonAfterDecision', { title: l?.title ?? '' })).join(' ');
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
    const body = bodyOf(d);
    // Only the fields the writer changed are sent: a save never reverts a colleague's edits.
    const changes = base ? changedOnly(body, bodyOf(draftOf(base, ''))) : undefined;
    if (base && changes && Object.keys(changes).length === 0) {
      navigate(`${LOG_PATH}/beslut/${base.id}`);
      return;
    }
    setSaving(true);
    try {
      const saved = base
        ? await changeChange(base.id, base.version, changes ?? {})
        : await createChange(body);
      navigate(`${LOG_PATH}/beslut/${saved.id}`, { state: { saved: true } });
    } catch (e) {
      // Someone else saved meanwhile: merge their version into the draft and show what they changed.
      if (e instanceof ApiError && e.status === 412 && base) {
        try {
          const now = await getChange(base.id);
          const result = mergeDrafts(d, draftOf(base, ''), draftOf(now, ''));
          setDraft(result.draft);
          setBase(now);
          setMerged(result.merge);
        } catch {
          // the message below still tells the writer what happened
        }
      }
      setErrors(saveErrors(t, e, (i) => lessonById.get(body.lessonIds[i] ?? '')?.title ?? ''));
    } finally {
      setSaving(false);
    }
  };

  const err = (k: string) => errors[k];
  const fieldLabel = (k: keyof Draft) =>
    t(
      `s3Learning.changeForm.${({ strengthAreaId: 'area', lessonIds: 'lessons' } as Record<string, string>)[k] ?? k}`,
    );
  const theirValue = (k: keyof Draft, theirs: Draft) => {
    if (k === 'decidedOn') return formatDate(theirs.decidedOn, lang);
    if (k === 'kind') return t(`s3Learning.kinds.${theirs.kind}`);
    if (k === 'strengthAreaId') {
      const a =
        steering.status === 'ok'
          ? steering.data.strengthAreas.find((x) => x.id === theirs.strengthAreaId)
          : undefined;
      return a ? nameIn(a.name, lang) : t('s3Learning.wholeProgramme');
    }
    if (k === 'lessonIds') return theirs.lessonIds.map((x) => lessonById.get(x)?.title ?? x).join(', ');
    return theirs[k] ? <span lang="sv">{theirs[k]}</span> : '';
  };
  const lessonError =
    [
      err('lessonIds'),
      ...Object.entries(errors)
        .filter(([k]) => k.startsWith('lessonIds.'))
        .map(([, m]) => m),
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const words = search.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
  const shown = allLessons.filter((l) => {
    if (d.lessonIds.includes(l.id)) return true;
    const text =
      `${l.title} ${l.learnedOn} ${l.strengthArea ? nameIn(l.strengthArea.name, lang) : ''}`.toLocaleLowerCase(
        lang,
      );
    return words.every((w) => text.includes(w));
  });
  const title = base ? t('s3Learning.changeForm.editTitle') : t('s3Learning.changeForm.newTitle');
  const fieldMessages = [
    ...new Set(
      Object.entries(errors)
        .filter(([k]) => k !== FORM)
        .map(([, m]) => m),
    ),
  ];

  return (
    <>
      <PageHeader title={title} kicker={t('s3Learning.log.title')} lead={t('s3Learning.changeForm.lead')} />
      <S3SubNav />
      <form
        className="form s3l-form"
        onSubmit={submit}
        noValidate
        aria-busy={saving}
        ref={formRef}
        data-testid="s3l-change-form"
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
        <div className="form-grid">
          <FormField label={t('s3Learning.changeForm.kind')} error={err('kind')}>
            {(f) => (
              <select {...f} value={d.kind} onChange={(e) => set({ kind: e.target.value as ChangeKind })}>
                {CHANGE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`s3Learning.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('s3Learning.changeForm.area')} error={err('strengthAreaId')}>
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
        <FormField
          label={t('s3Learning.changeForm.summary')}
          hint={t('s3Learning.changeForm.summaryHint')}
          error={err('summary')}
        >
          {(f) => (
            <textarea {...f} rows={4} value={d.summary} onChange={(e) => set({ summary: e.target.value })} />
          )}
        </FormField>
        <div className="form-grid">
          <FormField label={t('s3Learning.changeForm.decidedOn')} error={err('decidedOn')}>
            {(f) => (
              <input
                {...f}
                type="date"
                max={today}
                value={d.decidedOn}
                onChange={(e) => set({ decidedOn: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label={t('s3Learning.changeForm.decidedBy')}
            hint={t('s3Learning.changeForm.decidedByHint')}
            error={err('decidedBy')}
          >
            {(f) => (
              <input
                {...f}
                value={d.decidedBy}
                maxLength={300}
                onChange={(e) => set({ decidedBy: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label={t('s3Learning.changeForm.reference')}
            hint={t('s3Learning.changeForm.referenceHint')}
            error={err('reference')}
          >
            {(f) => (
              <input
                {...f}
                value={d.reference}
                maxLength={500}
                onChange={(e) => set({ reference: e.target.value })}
              />
            )}
          </FormField>
        </div>
        <fieldset
          className={lessonError ? 's3l-picker field-invalid' : 's3l-picker'}
          aria-describedby={lessonError ? 's3l-lessons-error' : 's3l-lessons-hint'}
          data-testid="s3l-lesson-picker"
        >
          <legend>{t('s3Learning.changeForm.lessons')}</legend>
          <p className="field-hint" id="s3l-lessons-hint">
            {t('s3Learning.changeForm.lessonsHint')}
          </p>
          {lessonError ? (
            <p className="field-error" id="s3l-lessons-error" data-testid="s3l-lessons-error">
              {lessonError}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="s3l-lesson-search">{t('s3Learning.changeForm.lessonSearch')}</label>
            <input
              id="s3l-lesson-search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          {lessons.status === 'loading' ? <Loading /> : null}
          {lessons.status === 'error' ? <ErrorMessage error={lessons.error} /> : null}
          {lessons.status === 'ok' && allLessons.length === 0 ? (
            <p className="muted">
              {t('s3Learning.changeForm.noLessons')}{' '}
              <Link to={`${LOG_PATH}/lardom/ny`}>{t('s3Learning.log.newLesson')}</Link>
            </p>
          ) : null}
          {lessons.status === 'ok' && allLessons.length > 0 && shown.length === 0 ? (
            <p className="muted">{t('s3Learning.changeForm.noMatch')}</p>
          ) : null}
          <ul className="s3l-options">
            {shown.map((l) => (
              <li key={l.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={d.lessonIds.includes(l.id)}
                    aria-invalid={lessonError ? true : undefined}
                    onChange={(e) =>
                      set({
                        lessonIds: e.target.checked
                          ? [...d.lessonIds, l.id]
                          : d.lessonIds.filter((x) => x !== l.id),
                      })
                    }
                  />
                  <span>
                    <span lang="sv">{l.title}</span>{' '}
                    <span className="muted">
                      ({formatDate(l.learnedOn, lang)} ·{' '}
                      {l.strengthArea ? nameIn(l.strengthArea.name, lang) : t('s3Learning.wholeProgramme')})
                    </span>
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
          <Link to={base ? `${LOG_PATH}/beslut/${base.id}` : LOG_PATH}>{t('s3Learning.form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
