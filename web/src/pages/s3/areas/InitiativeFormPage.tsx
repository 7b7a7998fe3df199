import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { FormField } from '../../../components/FormField';
import { pickText } from '../../../components/Localized';
import { NotAllowed } from '../../../components/NotAllowed';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/format';
import { problemMessages } from '../../../lib/problems';
import { useApi } from '../../../lib/useApi';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { S3SubNav } from '../S3SubNav';
import {
  changeInitiative,
  createInitiative,
  type EffortOption,
  getArea,
  getInitiative,
  getInput,
  type Initiative,
  type InitiativeStatus,
  listAreas,
  type SourceInput,
  searchEfforts,
} from './api';
import { changedFields, INITIATIVE_STATUSES, isStaffRole, isUuid } from './labels';
import './areas.css';

type Draft = {
  slug: string;
  subAreaId: string;
  title: string;
  description: string;
  status: InitiativeStatus;
  responsible: string;
  period: string;
  efforts: Array<{ id: string; title: string }>;
};

const draftOf = (i: Initiative | undefined, slug: string): Draft => ({
  slug: i?.strengthArea.slug ?? slug,
  subAreaId: i?.subArea?.id ?? '',
  title: i?.title ?? '',
  description: i?.description ?? '',
  status: i?.status ?? 'proposed',
  responsible: i?.responsible ?? '',
  period: i?.period ?? '',
  efforts: i?.efforts.map((e) => ({ id: e.id, title: e.title })) ?? [],
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The fields of an initiative as they are saved. */
const fieldsOf = (d: Draft) => ({
  subAreaId: d.subAreaId || null,
  title: d.title.trim(),
  description: orNull(d.description),
  status: d.status,
  responsible: orNull(d.responsible),
  period: orNull(d.period),
  effortIds: d.efforts.map((e) => e.id).sort(),
});

/** A title from an input's text: its first sentence or line, at most about 120 characters. */
function titleFrom(text: string): string {
  const first = text.split(/(?<=[.!?])\s|\n/)[0]?.trim() ?? '';
  if (first.length <= 120) return first.replace(/[.]$/, '');
  const cut = first.slice(0, 120);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : 120)} …`;
}

/**
 * A new initiative (`?omrade=<slug>`, and `?fran=<input id>` one or more times to take input from
 * meetings into the action plan) or a change of one (`/:id/andra`).
 */
export function InitiativeFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const navigate = useNavigate();
  const staff = isStaffRole(session?.role);
  const presetSlug = params.get('omrade') ?? '';
  const fromIds = params.getAll('fran').filter(isUuid);
  const fromKey = fromIds.join(',');

  const existing = useApi(async () => (id && staff ? getInitiative(id) : undefined), [id, staff]);
  const areas = useApi(async () => (staff ? listAreas() : []), [staff]);
  const inputs = useApi(
    async (): Promise<Array<{ id: string; input?: SourceInput }>> =>
      staff && !id
        ? Promise.all(
            fromIds.map((x) =>
              getInput(x).then(
                (input) => ({ id: x, input }),
                () => ({ id: x }),
              ),
            ),
          )
        : [],
    [staff, id, fromKey],
  );
  const [draft, setDraft] = useState<Draft>();
  // The version the next save is based on (the one read, or the colleague's after a 412) …
  const [base, setBase] = useState<Initiative>();
  // … and what the writer started from: a change sends only the fields that differ from it.
  const [start, setStart] = useState<Draft>();
  const [theirs, setTheirs] = useState<Initiative>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<EffortOption[] | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const chosenHeadingRef = useRef<HTMLHeadingElement>(null);
  const chosenListRef = useRef<HTMLUListElement>(null);
  // After an effort is added (the heading) or removed (the next remove button, else the heading).
  const focusChosen = useRef<number | 'heading' | null>(null);
  const read = inputs.status === 'ok' ? inputs.data : [];
  const sourceInputs = read.flatMap((x) => (x.input ? [x.input] : []));
  const missingInputs = read.filter((x) => !x.input).map((x) => ({ missing: x.id }));

  // The draft is made once (per record, or once the input to take in has been read).
  const madeFor = useRef<string>(undefined);
  const source = id ? `edit:${id}` : `new:${presetSlug}:${fromKey}`;
  useEffect(() => {
    if (madeFor.current === source || existing.status !== 'ok' || inputs.status !== 'ok') return;
    if (id && !existing.data) return;
    madeFor.current = source;
    const taken = inputs.data.flatMap((x) => (x.input ? [x.input] : []));
    const d = draftOf(existing.data, presetSlug || taken[0]?.strengthArea.slug || '');
    if (!id && taken.length > 0) {
      d.title = titleFrom(taken[0]?.text ?? '');
      d.description = taken.map((x) => x.text).join('\n\n');
    }
    setDraft(d);
    setStart(d);
    setBase(existing.data);
  }, [source, id, existing.status, existing.data, inputs.status, inputs.data, presetSlug]);

  const area = useApi(async () => (draft?.slug ? getArea(draft.slug) : undefined), [draft?.slug]);

  useEffect(() => {
    if (errors.form) summaryRef.current?.focus();
  }, [errors]);
  useEffect(() => {
    const target = focusChosen.current;
    if (target === null) return;
    focusChosen.current = null;
    const next =
      typeof target === 'number'
        ? chosenListRef.current?.querySelectorAll<HTMLElement>('button')[target]
        : undefined;
    (next ?? chosenHeadingRef.current)?.focus();
  });

  if (!session) return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;
  if (!staff) return <NotAllowed signedIn />;
  if (existing.status === 'error') {
    const status = existing.error instanceof ApiError ? existing.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('s3Areas.initiative.notFound')}
          backTo="/smart-specialisering"
          backLabel={t('s3Areas.area.back')}
        />
      );
    return <ErrorMessage error={existing.error} />;
  }
  if (!draft) return <Loading />;
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const areaList = areas.status === 'ok' ? areas.data : [];
  const chosenArea = areaList.find((a) => a.slug === d.slug);
  const subAreas = area.status === 'ok' && area.data ? area.data.subAreas : [];

  const search = async () => {
    if (!query.trim()) return;
    try {
      setHits(await searchEfforts(query.trim()));
    } catch (e) {
      setErrors(problemMessages(t, e));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!d.title.trim()) problems.title = t('s3Areas.form.titleRequired');
    if (!chosenArea && !base) problems.strengthAreaId = t('s3Areas.form.areaRequired');
    if (Object.keys(problems).length) {
      setErrors({ ...problems, form: t('s3Areas.edit.fixErrors') });
      return;
    }
    const fields = fieldsOf(d);
    // A change sends only what the writer changed, so after a colleague's save the fields the
    // writer left alone keep the colleague's values.
    const patch = base && start ? changedFields(fieldsOf(start), fields) : fields;
    if (base && Object.keys(patch).length === 0) {
      navigate(`/smart-specialisering/initiativ/${base.id}`);
      return;
    }
    setSaving(true);
    try {
      const saved = base
        ? await changeInitiative(base.id, base.version, patch)
        : await createInitiative({
            ...fields,
            strengthAreaId: chosenArea?.id ?? '',
            sourceInputIds: sourceInputs.map((x) => x.id),
          });
      navigate(`/smart-specialisering/initiativ/${saved.id}`, { state: { saved: true } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && base) {
        // Keep the writer's changes and show the colleague's version beside them.
        const now = await getInitiative(base.id).catch(() => undefined);
        if (now) {
          setBase(now);
          setTheirs(now);
        }
        setErrors({ form: t('s3Areas.form.stale') });
      } else {
        setErrors(problemMessages(t, e));
      }
    } finally {
      setSaving(false);
    }
  };

  const title = base ? t('s3Areas.form.editTitle', { title: base.title }) : t('s3Areas.form.newTitle');
  const fieldMessages = [
    ...new Set(
      Object.entries(errors)
        .filter(([k]) => k !== 'form')
        .map(([, m]) => m),
    ),
  ];
  const cancelTo = base
    ? `/smart-specialisering/initiativ/${base.id}`
    : d.slug
      ? `/smart-specialisering/${d.slug}`
      : '/smart-specialisering';
  const chosenIds = new Set(d.efforts.map((e) => e.id));

  return (
    <>
      <PageHeader title={title} kicker={t('s3Areas.kicker')} lead={t('s3Areas.form.lead')} />
      <S3SubNav />
      <form className="form" onSubmit={submit} noValidate aria-busy={saving}>
        {errors.form ? (
          <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-error">
            <p>{errors.form}</p>
            {fieldMessages.length ? (
              <ul>
                {fieldMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        {theirs ? (
          <section className="s3-stale" aria-labelledby="s3-theirs-title" data-testid="stale-initiative">
            <h2 id="s3-theirs-title" className="s3-stale-title">
              {t('s3Areas.form.theirsTitle')}
            </h2>
            <dl className="s3-saved-facts">
              <dt>{t('s3Areas.form.title')}</dt>
              <dd lang="sv">{theirs.title}</dd>
              <dt>{t('s3Areas.form.subArea')}</dt>
              <dd lang="sv">{theirs.subArea?.name ?? t('s3Areas.form.noSubArea')}</dd>
              <dt>{t('s3Areas.form.status')}</dt>
              <dd>{t(`s3Areas.initiativeStatus.${theirs.status}`)}</dd>
              <dt>{t('s3Areas.form.responsible')}</dt>
              <dd lang="sv">{theirs.responsible ?? '–'}</dd>
              <dt>{t('s3Areas.form.period')}</dt>
              <dd>{theirs.period ?? '–'}</dd>
              <dt>{t('s3Areas.form.description')}</dt>
              <dd lang="sv">{theirs.description ?? '–'}</dd>
              <dt>{t('s3Areas.form.chosenEfforts')}</dt>
              <dd lang="sv">{theirs.efforts.map((e) => e.title).join('; ') || '–'}</dd>
            </dl>
            <p className="field-hint">{t('s3Areas.form.theirsHint')}</p>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                const saved = draftOf(theirs, theirs.strengthArea.slug);
                setDraft(saved);
                setStart(saved);
                setTheirs(undefined);
                setErrors({});
              }}
            >
              {t('s3Areas.form.useSaved')}
            </button>
          </section>
        ) : null}

        {!base && (sourceInputs.length > 0 || missingInputs.length > 0) ? (
          <section className="panel" aria-labelledby="s3-inputs-title" data-testid="source-inputs">
            <h2 id="s3-inputs-title">{t('s3Areas.form.inputsTitle')}</h2>
            <p>{t('s3Areas.form.inputsLead')}</p>
            <ul className="plain-list">
              {sourceInputs.map((x) => (
                <li key={x.id}>
                  <span lang="sv">{x.text}</span>
                  <br />
                  <span className="muted">
                    {t('s3Areas.initiative.meeting', {
                      title: x.meetingTitle,
                      date: formatDate(x.meetingHeldOn, lang),
                    })}
                  </span>
                </li>
              ))}
              {missingInputs.map((x) => (
                <li key={x.missing} className="field-error">
                  {t('s3Areas.form.inputMissing', { id: x.missing })}
                </li>
              ))}
            </ul>
            {errors.sourceInputIds || Object.keys(errors).some((k) => k.startsWith('sourceInputIds')) ? (
              <p className="field-error">
                {Object.entries(errors)
                  .filter(([k]) => k.startsWith('sourceInputIds'))
                  .map(([, m]) => m)
                  .join('; ')}
              </p>
            ) : null}
          </section>
        ) : null}

        <div className="form-grid">
          <FormField label={t('s3Areas.form.area')} error={errors.strengthAreaId}>
            {(f) => (
              <select
                {...f}
                value={d.slug}
                disabled={Boolean(base) || sourceInputs.length > 0}
                onChange={(e) => set({ slug: e.target.value, subAreaId: '' })}
              >
                <option value="">{t('s3Areas.form.chooseArea')}</option>
                {areaList.map((a) => (
                  <option key={a.id} value={a.slug}>
                    {pickText(a.name, lang)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('s3Areas.form.subArea')} error={errors.subAreaId}>
            {(f) => (
              <select {...f} value={d.subAreaId} onChange={(e) => set({ subAreaId: e.target.value })}>
                <option value="">{t('s3Areas.form.noSubArea')}</option>
                {subAreas.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('s3Areas.form.status')} error={errors.status}>
            {(f) => (
              <select
                {...f}
                value={d.status}
                onChange={(e) => set({ status: e.target.value as InitiativeStatus })}
              >
                {INITIATIVE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`s3Areas.initiativeStatus.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField label={t('s3Areas.form.title')} error={errors.title}>
          {(f) => (
            <input {...f} maxLength={300} value={d.title} onChange={(e) => set({ title: e.target.value })} />
          )}
        </FormField>
        <FormField label={t('s3Areas.form.description')} error={errors.description}>
          {(f) => (
            <textarea
              {...f}
              rows={5}
              value={d.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </FormField>
        <div className="form-grid">
          <FormField
            label={t('s3Areas.form.responsible')}
            hint={t('s3Areas.form.responsibleHint')}
            error={errors.responsible}
          >
            {(f) => (
              <input
                {...f}
                maxLength={300}
                value={d.responsible}
                onChange={(e) => set({ responsible: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label={t('s3Areas.form.period')}
            hint={t('s3Areas.form.periodHint')}
            error={errors.period}
          >
            {(f) => (
              <input
                {...f}
                maxLength={100}
                value={d.period}
                onChange={(e) => set({ period: e.target.value })}
              />
            )}
          </FormField>
        </div>

        <fieldset>
          <legend>{t('s3Areas.form.efforts')}</legend>
          <p className="field-hint">{t('s3Areas.form.effortsHint')}</p>
          <div className="s3-search">
            <FormField
              label={t('s3Areas.form.searchEfforts')}
              hint={t('s3Areas.form.searchHint')}
              error={undefined}
            >
              {(f) => (
                <input
                  {...f}
                  type="search"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void search();
                    }
                  }}
                />
              )}
            </FormField>
            <button type="button" className="button button-secondary" onClick={() => void search()}>
              {t('s3Areas.form.search')}
            </button>
          </div>
          {hits !== null ? (
            hits.length ? (
              <ul className="s3-effort-hits" data-testid="effort-hits" aria-live="polite">
                {hits.map((h) => (
                  <li key={h.id}>
                    <span>{h.title}</span>
                    <button
                      type="button"
                      className="button button-small"
                      disabled={chosenIds.has(h.id)}
                      onClick={() => {
                        focusChosen.current = 'heading';
                        set({ efforts: [...d.efforts, { id: h.id, title: h.title }] });
                      }}
                    >
                      {t('s3Areas.form.add')}
                      <span className="visually-hidden"> {h.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p aria-live="polite">{t('s3Areas.form.noHits')}</p>
            )
          ) : null}
          <h3 tabIndex={-1} ref={chosenHeadingRef} data-testid="chosen-title">
            {t('s3Areas.form.chosenEfforts')}
          </h3>
          {d.efforts.length ? (
            <ul className="s3-chosen" data-testid="chosen-efforts" ref={chosenListRef}>
              {d.efforts.map((e, index) => (
                <li key={e.id}>
                  <span>{e.title}</span>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => {
                      focusChosen.current = index < d.efforts.length - 1 ? index : 'heading';
                      set({ efforts: d.efforts.filter((x) => x.id !== e.id) });
                    }}
                  >
                    {t('s3Areas.form.removeEffort', { title: e.title })}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('s3Areas.form.noChosen')}</p>
          )}
          {Object.entries(errors)
            .filter(([k]) => k.startsWith('effortIds'))
            .map(([k, m]) => (
              <p key={k} className="field-error">
                {m}
              </p>
            ))}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('s3Areas.form.saving') : t('s3Areas.form.save')}
          </button>
          <Link className="button button-secondary" to={cancelTo}>
            {t('s3Areas.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
