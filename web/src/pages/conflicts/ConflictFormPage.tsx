import './conflicts-pages.css';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api, type SdgResponse, type SteeringResponse, unwrap } from '../../api/client';
import { getMunicipalities, getSamebyar, getSdgs, getSteering } from '../../api/queries';
import { useSession } from '../../auth/session';
import { FormField, fieldErrorMap } from '../../components/FormField';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { collatorFor } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { DIMENSIONS, type Dimension } from '../efforts/labels';
import { NotFoundPage } from '../not-found/NotFoundPage';
import {
  type Conflict,
  type ConflictBody,
  getConflict,
  getSuggestions,
  ifMatch,
  type Suggestion,
} from './api';
import { ConflictsSubNav } from './ConflictsSubNav';
import {
  GOAL_KINDS,
  type GoalKind,
  isIsoDate,
  isStaffRole,
  isWebAddress,
  MADE_VISIBLE_BY,
  type MadeVisibleBy,
  SEVERITIES,
  todayIso,
  translateConflictMessage,
} from './labels';
import { ChoiceGroup } from './StepForm';
import { suggestionReason } from './suggestionText';

type Draft = {
  title: string;
  description: string;
  goals: Array<{ kind: GoalKind; ref: string }>;
  dimensions: Dimension[];
  places: string[];
  actorIds: string[];
  effortIds: string[];
  severity: string;
  madeVisibleBy: MadeVisibleBy | '';
  decisions: Array<{ date: string; body: string; summary: string; url: string }>;
  sources: Array<{ label: string; url: string }>;
  visibility: 'internal' | 'published';
  identifiedDate: string;
  identifiedText: string;
};

function draftOf(c: Conflict | undefined): Draft {
  return {
    title: c?.title ?? '',
    description: c?.description ?? '',
    goals: c?.goals.map((g) => ({ kind: g.kind, ref: g.ref })) ?? [],
    dimensions: c?.dimensions ?? [],
    places: c?.places.map((p) => p.code) ?? [],
    actorIds: c?.actors.map((a) => a.id) ?? [],
    effortIds: c?.efforts.map((e) => e.id) ?? [],
    severity: c ? String(c.severity) : '',
    madeVisibleBy: c?.madeVisibleBy ?? '',
    decisions: c?.decisions.map((d) => ({ ...d, url: d.url ?? '' })) ?? [],
    sources: c?.sources.map((s) => ({ label: s.label, url: s.url ?? '' })) ?? [],
    visibility: c?.visibility ?? 'internal',
    identifiedDate: todayIso(),
    identifiedText: '',
  };
}

/** The fields of the conflict itself (the first step is only written when creating). */
const MERGE_KEYS = [
  'title',
  'description',
  'goals',
  'dimensions',
  'places',
  'actorIds',
  'effortIds',
  'severity',
  'madeVisibleBy',
  'decisions',
  'sources',
  'visibility',
] as const;
type MergeKey = (typeof MERGE_KEYS)[number];

/** Sets whose order does not matter. */
const UNORDERED = new Set<MergeKey>(['dimensions', 'places', 'actorIds', 'effortIds']);
const valueKey = (d: Draft, k: MergeKey) => {
  const v = d[k];
  return JSON.stringify(UNORDERED.has(k) && Array.isArray(v) ? [...(v as string[])].sort() : v);
};

/**
 * After someone else saved (412): what they changed since the version the draft started from.
 * A field only they changed is taken over; a field both changed keeps the writer's value and is
 * listed with a button to take the saved value instead. The writer's own changes always stay.
 */
type Merge = { taken: MergeKey[]; both: MergeKey[]; theirs: Draft };

function merge(mine: Draft, base: Draft, theirs: Draft): { draft: Draft; merge: Merge } {
  const draft: Record<string, unknown> = { ...mine };
  const taken: MergeKey[] = [];
  const both: MergeKey[] = [];
  for (const k of MERGE_KEYS) {
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

/** The label of a merged field (the places share one label for municipalities and samebyar). */
const MERGE_LABELS: Record<MergeKey, string> = {
  title: 'conflicts.fields.title',
  description: 'conflicts.fields.description',
  goals: 'conflicts.fields.goals',
  dimensions: 'conflicts.fields.dimensions',
  places: 'conflicts.fields.places',
  actorIds: 'conflicts.fields.actors',
  effortIds: 'conflicts.fields.efforts',
  severity: 'conflicts.fields.severity',
  madeVisibleBy: 'conflicts.fields.madeVisibleBy',
  decisions: 'conflicts.fields.decisions',
  sources: 'conflicts.fields.sources',
  visibility: 'visibility.label',
};

type MatrixNode = {
  label: string;
  kind: 'priority' | 'strength_area' | 'sdg_target' | 'own_goal';
  ref: string | null;
};

/** A new conflict from a review-queue suggestion: its proposal, its reason, and for a matrix cell its two goals. */
function draftFromSuggestion(s: Suggestion, reason: string, introText: string, nodes: MatrixNode[]): Draft {
  const goals: Draft['goals'] = [];
  if (s.matrix) {
    for (const label of [s.matrix.row, s.matrix.column]) {
      const node = nodes.find((n) => n.label === label);
      if (node && node.kind !== 'own_goal' && node.ref) goals.push({ kind: node.kind, ref: node.ref });
      else goals.push({ kind: 'free_text', ref: label });
    }
  }
  return {
    ...draftOf(undefined),
    title: s.proposal.title,
    description: reason,
    goals,
    dimensions: s.proposal.dimensions,
    places: s.proposal.places,
    effortIds: s.proposal.effortIds,
    severity: String(s.proposal.severity),
    madeVisibleBy: s.proposal.madeVisibleBy,
    identifiedText: `${introText} ${reason}`,
  };
}

/** The checks a writer should hear about before sending; the server checks all again. */
function validate(d: Draft, creating: boolean, t: (key: string) => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.title.trim()) e.title = t('conflicts.validation.title');
  if (!d.severity) e.severity = t('conflicts.validation.severity');
  if (!d.madeVisibleBy) e.madeVisibleBy = t('conflicts.validation.madeVisibleBy');
  d.goals.forEach((g, i) => {
    if (!g.ref.trim()) e[`goals.${i}.ref`] = t('conflicts.validation.goalRef');
  });
  d.decisions.forEach((x, i) => {
    if (!isIsoDate(x.date)) e[`decisions.${i}.date`] = t('conflicts.validation.date');
    if (!x.body.trim()) e[`decisions.${i}.body`] = t('conflicts.validation.decisionBody');
    if (!x.summary.trim()) e[`decisions.${i}.summary`] = t('conflicts.validation.decisionSummary');
    if (x.url.trim() && !isWebAddress(x.url)) e[`decisions.${i}.url`] = t('conflicts.validation.url');
  });
  d.sources.forEach((x, i) => {
    if (!x.label.trim()) e[`sources.${i}.label`] = t('conflicts.validation.sourceLabel');
    if (x.url.trim() && !isWebAddress(x.url)) e[`sources.${i}.url`] = t('conflicts.validation.url');
  });
  if (creating) {
    if (!isIsoDate(d.identifiedDate)) e['identified.date'] = t('conflicts.validation.date');
    else if (d.identifiedDate > todayIso()) e['identified.date'] = t('conflicts.validation.dateFuture');
    if (!d.identifiedText.trim()) e['identified.text'] = t('conflicts.validation.identifiedText');
  }
  return e;
}

function bodyOf(d: Draft) {
  return {
    title: d.title.trim(),
    description: d.description,
    goals: d.goals.map((g) => ({ kind: g.kind, ref: g.ref.trim() })),
    dimensions: d.dimensions,
    places: d.places,
    actorIds: d.actorIds,
    effortIds: d.effortIds,
    severity: Number(d.severity),
    madeVisibleBy: d.madeVisibleBy as MadeVisibleBy,
    decisions: d.decisions.map((x) => ({
      date: x.date,
      body: x.body.trim(),
      summary: x.summary.trim(),
      url: x.url.trim() || null,
    })),
    sources: d.sources.map((x) => ({ label: x.label.trim(), url: x.url.trim() || null })),
    visibility: d.visibility,
  };
}

/**
 * Register a goal conflict, or change one: what is in tension, where, between whom, how serious,
 * how it was made visible, decisions and sources. Opened from the review queue
 * (?forslag=<key>) the form starts from the suggestion and the conflict is tied to it.
 */
export function ConflictFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const suggestionKey = id ? null : params.get('forslag');
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const navigate = useNavigate();
  const staff = isStaffRole(session?.role);
  const existing = useApi(async () => (id && staff ? getConflict(id) : undefined), [id, staff]);
  // The latest version, fetched after someone else saved meanwhile (412): its version goes in
  // If-Match, and what it changed is merged into the draft (the writer's changes stay).
  const [latest, setLatest] = useState<Conflict>();
  const [merged, setMerged] = useState<Merge>();
  // The suggestion as the queue has it now, read again after the server said it changed (409):
  // null when it has left the queue (then the conflict is saved without the tie to it).
  const [refreshed, setRefreshed] = useState<Suggestion | null>();
  const suggestion = useApi(async () => {
    if (!suggestionKey || !staff) return undefined;
    const queue = await getSuggestions();
    const found = queue.items.find((s) => s.key === suggestionKey) ?? null;
    let nodes: MatrixNode[] = [];
    if (found?.matrix) {
      const matrixId = found.matrix.id;
      nodes = await api
        .GET('/api/v1/interaction-matrices/{id}', { params: { path: { id: matrixId } } })
        .then((r) => unwrap(r).nodes)
        .catch(() => []);
    }
    return { found, nodes };
  }, [suggestionKey, staff]);
  const steering = useApi(getSteering, []);
  const sdgs = useApi(getSdgs, []);
  const municipalities = useApi(getMunicipalities, []);
  const samebyar = useApi(getSamebyar, []);
  const actors = useApi(
    async () =>
      staff ? unwrap(await api.GET('/api/v1/actors', { params: { query: { limit: 500 } } })).items : [],
    [staff],
  );
  const efforts = useApi(
    async () =>
      staff
        ? unwrap(await api.GET('/api/v1/efforts', { params: { query: { limit: 500 } as never } })).items
        : [],
    [staff],
  );

  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formError = useRef<HTMLParagraphElement>(null);

  // The draft is made once per document (or suggestion) loaded: later loads of the same thing
  // (a session refresh, a language switch) must not throw away what the writer typed.
  const madeFor = useRef<string>(undefined);
  const source = id ? `edit:${id}` : `new:${suggestionKey ?? ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: t and lang are left out on purpose
  useEffect(() => {
    if (madeFor.current === source) return;
    let made: Draft | undefined;
    if (id) {
      if (existing.status === 'ok' && existing.data) made = draftOf(existing.data);
    } else if (!suggestionKey || suggestion.status === 'error') {
      made = draftOf(undefined);
    } else if (suggestion.status === 'ok' && suggestion.data) {
      const { found, nodes } = suggestion.data;
      made = found
        ? draftFromSuggestion(found, suggestionReason(t, found, lang), t('conflicts.form.fromQueue'), nodes)
        : draftOf(undefined);
    }
    if (made) {
      madeFor.current = source;
      setDraft(made);
    }
  }, [source, id, suggestionKey, existing.status, existing.data, suggestion.status, suggestion.data]);

  useEffect(() => {
    if (errors.form) formError.current?.focus();
  }, [errors]);

  if (!session) return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;
  if (!staff) return <NotAllowed signedIn />;
  if (existing.status === 'error') {
    const status = existing.error instanceof ApiError ? existing.error.status : 0;
    if (status === 404 || status === 400)
      return (
        <NotFoundPage
          title={t('conflicts.page.notFound')}
          backTo="/malkonflikter"
          backLabel={t('conflicts.page.back')}
        />
      );
    return <ErrorMessage error={existing.error} />;
  }
  if (!draft) return <Loading />;

  const creating = !id;
  const queued = refreshed === undefined ? suggestion.data?.found : refreshed;
  const fromSuggestion = creating && queued ? queued : null;
  const suggestionGone =
    creating &&
    suggestionKey &&
    refreshed === undefined &&
    suggestion.status === 'ok' &&
    !suggestion.data?.found;
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const err = (key: string) => errors[key];
  /** The first message for a list field or any of its items ("places", "places.3"). */
  const errUnder = (key: string) =>
    errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate(d, creating, t);
    if (Object.keys(problems).length > 0) {
      setErrors({ ...problems, form: t('conflicts.fixFields') });
      return;
    }
    setBusy(true);
    const base = latest ?? existing.data;
    try {
      let saved: Conflict;
      if (creating) {
        const body: ConflictBody = {
          ...bodyOf(d),
          identified: { date: d.identifiedDate, text: d.identifiedText.trim() },
          ...(fromSuggestion
            ? { fromSuggestion: { key: fromSuggestion.key, inputsHash: fromSuggestion.inputsHash } }
            : {}),
        };
        saved = unwrap(await api.POST('/api/v1/goal-conflicts', { body }));
      } else {
        const current = base;
        if (!current) return;
        saved = unwrap(
          await api.PATCH('/api/v1/goal-conflicts/{id}', {
            params: { path: { id: current.id }, header: { 'if-match': ifMatch(current.version) } },
            body: bodyOf(d),
          }),
        );
      }
      navigate(`/malkonflikter/${saved.id}`, { state: { notice: creating ? 'created' : 'saved' } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && base) {
        // Someone else saved: read what is stored now and merge it into the draft.
        try {
          const now = await getConflict(base.id);
          const result = merge(d, draftOf(base), draftOf(now));
          setLatest(now);
          setDraft({ ...result.draft, identifiedDate: d.identifiedDate, identifiedText: d.identifiedText });
          setMerged(result.merge);
          setErrors({ form: t('conflicts.form.stale') });
        } catch {
          setErrors({ form: t('problems.network') });
        }
      } else if (e instanceof ApiError && e.code === 'SUGGESTION_CHANGED' && fromSuggestion) {
        // The suggestion changed (or was decided) since the form opened: read the queue again,
        // keep the draft, and show what the suggestion says now before saving again.
        try {
          const queue = await getSuggestions();
          const now = queue.items.find((s) => s.key === fromSuggestion.key) ?? null;
          setRefreshed(now);
          setErrors({
            form: now
              ? t('conflicts.form.suggestionChanged', { reason: suggestionReason(t, now, lang) })
              : t('conflicts.form.suggestionDecided'),
          });
        } catch {
          setErrors({ form: t('problems.network') });
        }
      } else if (e instanceof ApiError && e.fieldErrors.length) {
        const map = fieldErrorMap(e.fieldErrors, (m) => translateConflictMessage(t, m, lang));
        // The first step's text is checked as the step's own field ("text").
        if (map.text) map['identified.text'] = map.text;
        setErrors({ ...map, form: t('conflicts.fixFields') });
      } else if (e instanceof ApiError) {
        setErrors({ form: t('conflicts.failed', { status: e.status }) });
      } else {
        setErrors({ form: t('problems.network') });
      }
    } finally {
      setBusy(false);
    }
  };

  const title = creating
    ? t('conflicts.form.newTitle')
    : t('conflicts.form.editTitle', { title: (latest ?? existing.data)?.title ?? '' });
  const actorOptions = (actors.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  const effortOptions = (efforts.data ?? []).map((e) => ({ value: e.id, label: e.title }));

  return (
    <>
      <PageHeader title={title} />
      <ConflictsSubNav />
      {fromSuggestion ? (
        <div className="panel suggestion-source" data-testid="form-suggestion">
          <p>
            <strong>{t('conflicts.form.fromSuggestion')}</strong> {suggestionReason(t, fromSuggestion, lang)}
          </p>
        </div>
      ) : null}
      {suggestionGone ? (
        <p className="form-error" role="alert">
          {t('conflicts.form.suggestionGone')}{' '}
          <Link to="/malkonflikter/forslag">{t('conflicts.form.backToQueue')}</Link>
        </p>
      ) : null}
      <form className="form effort-form conflict-form" onSubmit={submit} noValidate>
        {errors.form ? (
          <div className="form-error" role="alert">
            <p tabIndex={-1} ref={formError}>
              {errors.form}
            </p>
          </div>
        ) : null}
        {merged && (merged.taken.length > 0 || merged.both.length > 0) ? (
          <section
            className="panel conflict-merge"
            aria-labelledby="conflict-merge-title"
            data-testid="stale-changes"
          >
            <h2 id="conflict-merge-title">{t('conflicts.form.mergeTitle')}</h2>
            {merged.taken.length > 0 ? (
              <p data-testid="stale-taken">
                {t('conflicts.form.mergeTaken', {
                  fields: merged.taken.map((k) => t(MERGE_LABELS[k])).join(', '),
                })}
              </p>
            ) : null}
            {merged.both.length > 0 ? (
              <>
                <p>{t('conflicts.form.mergeBoth')}</p>
                <ul data-testid="stale-both">
                  {merged.both.map((k) => {
                    const theirs = merged.theirs[k];
                    const shown = k === 'title' || k === 'description' ? String(theirs) : null;
                    return (
                      <li key={k}>
                        <strong>{t(MERGE_LABELS[k])}</strong>
                        {shown !== null ? (
                          <>
                            {' – '}
                            {t('conflicts.form.mergeSaved')}{' '}
                            {shown ? <span lang="sv">{shown}</span> : t('conflicts.form.mergeSavedEmpty')}
                          </>
                        ) : null}{' '}
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            setDraft({ ...d, [k]: theirs });
                            setMerged({ ...merged, both: merged.both.filter((x) => x !== k) });
                          }}
                        >
                          {t('conflicts.form.mergeUseSaved', { field: t(MERGE_LABELS[k]) })}
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
          <legend>{t('conflicts.form.basics')}</legend>
          <FormField label={t('conflicts.fields.title')} error={err('title')}>
            {(f) => <input {...f} value={d.title} onChange={(e) => set({ title: e.target.value })} />}
          </FormField>
          <FormField
            label={t('conflicts.fields.description')}
            hint={t('conflicts.form.descriptionHint')}
            error={err('description')}
          >
            {(f) => (
              <textarea
                {...f}
                rows={5}
                value={d.description}
                onChange={(e) => set({ description: e.target.value })}
              />
            )}
          </FormField>
          <ChoiceGroup legend={t('conflicts.fields.severity')} error={err('severity')}>
            {(describedBy) =>
              SEVERITIES.map((n) => (
                <label key={n} className="choice">
                  <input
                    type="radio"
                    name="severity"
                    value={n}
                    checked={d.severity === String(n)}
                    aria-describedby={describedBy}
                    onChange={() => set({ severity: String(n) })}
                  />
                  <span>
                    {t('conflicts.severityWords', { word: t(`conflicts.severities.${n}`), severity: n })}{' '}
                    <span className="choice-hint">– {t(`conflicts.severityHints.${n}`)}</span>
                  </span>
                </label>
              ))
            }
          </ChoiceGroup>
          <div className="form-grid">
            <FormField label={t('conflicts.fields.madeVisibleBy')} error={err('madeVisibleBy')}>
              {(f) => (
                <select
                  {...f}
                  value={d.madeVisibleBy}
                  onChange={(e) => set({ madeVisibleBy: e.target.value as MadeVisibleBy })}
                >
                  <option value="">{t('conflicts.form.choose')}</option>
                  {MADE_VISIBLE_BY.map((m) => (
                    <option key={m} value={m}>
                      {t(`conflicts.madeVisibleBy.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('visibility.label')} hint={t('visibility.hint')} error={err('visibility')}>
              {(f) => (
                <select
                  {...f}
                  value={d.visibility}
                  onChange={(e) => set({ visibility: e.target.value as Draft['visibility'] })}
                >
                  <option value="internal">{t('visibility.internal')}</option>
                  <option value="published">{t('visibility.published')}</option>
                </select>
              )}
            </FormField>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('conflicts.fields.goals')}</legend>
          <p className="field-hint">{t('conflicts.form.goalsHint')}</p>
          {err('goals') ? <p className="field-error">{err('goals')}</p> : null}
          {d.goals.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div key={i} className="row-fields">
              <FormField label={t('conflicts.form.goalKindN', { n: i + 1 })} error={err(`goals.${i}.kind`)}>
                {(f) => (
                  <select
                    {...f}
                    value={g.kind}
                    onChange={(e) =>
                      set({
                        goals: d.goals.map((x, j) =>
                          j === i ? { kind: e.target.value as GoalKind, ref: '' } : x,
                        ),
                      })
                    }
                  >
                    {GOAL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`conflicts.goalKinds.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('conflicts.form.goalN', { n: i + 1 })} error={err(`goals.${i}.ref`)}>
                {(f) => (
                  <GoalPicker
                    field={f}
                    kind={g.kind}
                    value={g.ref}
                    lang={lang}
                    steering={steering.data}
                    sdgs={sdgs.data}
                    onChange={(ref) => set({ goals: d.goals.map((x, j) => (j === i ? { ...x, ref } : x)) })}
                  />
                )}
              </FormField>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => set({ goals: d.goals.filter((_, j) => j !== i) })}
              >
                {t('conflicts.form.removeGoal', { n: i + 1 })}
              </button>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ goals: [...d.goals, { kind: 'priority', ref: '' }] })}
            >
              {t('conflicts.form.addGoal')}
            </button>
          </p>
        </fieldset>

        <fieldset>
          <legend>{t('conflicts.form.dimensionsAndPlaces')}</legend>
          <div className="check-groups">
            <CheckGroup
              legend={t('conflicts.fields.dimensions')}
              error={errUnder('dimensions')}
              options={DIMENSIONS.map((x) => ({ value: x, label: t(`efforts.dimensions.${x}`) }))}
              selected={d.dimensions}
              onChange={(v) => set({ dimensions: v as Dimension[] })}
            />
            <CheckGroup
              legend={t('conflicts.form.municipalities')}
              error={errUnder('places')}
              options={(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
              selected={d.places}
              onChange={(v) => set({ places: v })}
            />
            <CheckGroup
              legend={t('conflicts.form.samebyar')}
              options={(samebyar.data ?? []).map((s) => ({
                value: s.code,
                label: t('conflicts.samebyName', { name: s.name }),
              }))}
              selected={d.places}
              onChange={(v) => set({ places: v })}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('conflicts.form.actorsAndEfforts')}</legend>
          <MultiPicker
            legend={t('conflicts.fields.actors')}
            chooseLabel={t('conflicts.form.chooseActor')}
            addLabel={t('conflicts.form.addActor')}
            emptyText={t('conflicts.form.noActors')}
            options={actorOptions}
            selected={d.actorIds}
            onChange={(v) => set({ actorIds: v })}
            error={errUnder('actorIds')}
            lang={lang}
          />
          <MultiPicker
            legend={t('conflicts.fields.efforts')}
            chooseLabel={t('conflicts.form.chooseEffort')}
            addLabel={t('conflicts.form.addEffort')}
            emptyText={t('conflicts.form.noEfforts')}
            options={effortOptions}
            selected={d.effortIds}
            onChange={(v) => set({ effortIds: v })}
            error={errUnder('effortIds')}
            lang={lang}
          />
        </fieldset>

        <fieldset>
          <legend>{t('conflicts.fields.decisions')}</legend>
          {d.decisions.map((x, i) => {
            const setDecision = (patch: Partial<Draft['decisions'][number]>) =>
              set({ decisions: d.decisions.map((y, j) => (j === i ? { ...y, ...patch } : y)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <div key={i} className="row-block">
                <div className="row-fields">
                  <FormField
                    label={t('conflicts.form.decisionDateN', { n: i + 1 })}
                    error={err(`decisions.${i}.date`)}
                  >
                    {(f) => (
                      <input
                        {...f}
                        type="date"
                        className="date-input"
                        value={x.date}
                        onChange={(e) => setDecision({ date: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField
                    label={t('conflicts.form.decisionBody')}
                    hint={t('conflicts.form.decisionBodyHint')}
                    error={err(`decisions.${i}.body`)}
                  >
                    {(f) => (
                      <input {...f} value={x.body} onChange={(e) => setDecision({ body: e.target.value })} />
                    )}
                  </FormField>
                </div>
                <FormField label={t('conflicts.form.decisionSummary')} error={err(`decisions.${i}.summary`)}>
                  {(f) => (
                    <textarea
                      {...f}
                      rows={3}
                      value={x.summary}
                      onChange={(e) => setDecision({ summary: e.target.value })}
                    />
                  )}
                </FormField>
                <div className="row-fields">
                  <FormField label={t('conflicts.form.url')} error={err(`decisions.${i}.url`)}>
                    {(f) => (
                      <input
                        {...f}
                        type="url"
                        value={x.url}
                        onChange={(e) => setDecision({ url: e.target.value })}
                      />
                    )}
                  </FormField>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => set({ decisions: d.decisions.filter((_, j) => j !== i) })}
                  >
                    {t('conflicts.form.removeDecision', { n: i + 1 })}
                  </button>
                </div>
              </div>
            );
          })}
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                set({ decisions: [...d.decisions, { date: todayIso(), body: '', summary: '', url: '' }] })
              }
            >
              {t('conflicts.form.addDecision')}
            </button>
          </p>
        </fieldset>

        <fieldset>
          <legend>{t('conflicts.fields.sources')}</legend>
          {d.sources.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div key={i} className="row-fields">
              <FormField
                label={t('conflicts.form.sourceLabelN', { n: i + 1 })}
                error={err(`sources.${i}.label`)}
              >
                {(f) => (
                  <input
                    {...f}
                    value={x.label}
                    onChange={(e) =>
                      set({
                        sources: d.sources.map((y, j) => (j === i ? { ...y, label: e.target.value } : y)),
                      })
                    }
                  />
                )}
              </FormField>
              <FormField label={t('conflicts.form.url')} error={err(`sources.${i}.url`)}>
                {(f) => (
                  <input
                    {...f}
                    type="url"
                    value={x.url}
                    onChange={(e) =>
                      set({ sources: d.sources.map((y, j) => (j === i ? { ...y, url: e.target.value } : y)) })
                    }
                  />
                )}
              </FormField>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => set({ sources: d.sources.filter((_, j) => j !== i) })}
              >
                {t('conflicts.form.removeSource', { n: i + 1 })}
              </button>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ sources: [...d.sources, { label: '', url: '' }] })}
            >
              {t('conflicts.form.addSource')}
            </button>
          </p>
        </fieldset>

        {creating ? (
          <fieldset>
            <legend>{t('conflicts.form.identification')}</legend>
            <p className="field-hint">{t('conflicts.form.identificationHint')}</p>
            <FormField label={t('conflicts.form.identifiedDate')} error={err('identified.date')}>
              {(f) => (
                <input
                  {...f}
                  type="date"
                  className="date-input"
                  value={d.identifiedDate}
                  max={todayIso()}
                  onChange={(e) => set({ identifiedDate: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t('conflicts.form.identifiedText')} error={err('identified.text')}>
              {(f) => (
                <textarea
                  {...f}
                  rows={3}
                  value={d.identifiedText}
                  onChange={(e) => set({ identifiedText: e.target.value })}
                />
              )}
            </FormField>
          </fieldset>
        ) : (
          <p className="field-hint">{t('conflicts.form.historyNote')}</p>
        )}

        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {creating ? t('conflicts.form.create') : t('conflicts.form.save')}
          </button>
          <Link
            to={
              creating
                ? suggestionKey
                  ? '/malkonflikter/forslag'
                  : '/malkonflikter'
                : `/malkonflikter/${id}`
            }
          >
            {t('conflicts.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

type FieldProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/** The goal itself: a choice among the steering's goals or the SDG targets, or free text. */
function GoalPicker({
  field,
  kind,
  value,
  lang,
  steering,
  sdgs,
  onChange,
}: {
  field: FieldProps;
  kind: GoalKind;
  value: string;
  lang: string;
  steering: SteeringResponse | undefined;
  sdgs: SdgResponse | undefined;
  onChange: (ref: string) => void;
}) {
  const { t } = useTranslation();
  const en = lang.startsWith('en');
  const pick = (text: { sv: string | null; en: string | null }) =>
    (en ? (text.en ?? text.sv) : (text.sv ?? text.en)) ?? '';
  const choose = <option value="">{t('conflicts.form.choose')}</option>;
  // A goal may name a priority by number and a strength area by slug (as matrices do): shown
  // as the matching choice, sent as it is (the API accepts both).
  const shown =
    kind === 'priority'
      ? (steering?.priorities.find((p) => p.id === value || String(p.number) === value)?.id ?? value)
      : kind === 'strength_area'
        ? (steering?.strengthAreas.find((s) => s.id === value || s.slug === value)?.id ?? value)
        : value;
  switch (kind) {
    case 'priority':
      return (
        <select {...field} value={shown} onChange={(e) => onChange(e.target.value)}>
          {choose}
          {steering?.priorities.map((p) => (
            <option key={p.id} value={p.id}>
              {p.number}. {pick(p.title)}
            </option>
          ))}
        </select>
      );
    case 'strength_area':
      return (
        <select {...field} value={shown} onChange={(e) => onChange(e.target.value)}>
          {choose}
          {steering?.strengthAreas.map((s) => (
            <option key={s.id} value={s.id}>
              {pick(s.name)}
            </option>
          ))}
        </select>
      );
    case 'national_area':
      return (
        <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
          {choose}
          {steering?.nationalAreas.map((n) => (
            <option key={n.code} value={String(n.code)}>
              {n.code}. {pick(n.title)}
            </option>
          ))}
        </select>
      );
    case 'sdg_target':
      return (
        <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
          {choose}
          {sdgs?.goals.map((g) => (
            <optgroup key={g.goal} label={`${g.goal}. ${pick(g.short) || pick(g.title)}`}>
              {g.targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.id} {(en ? null : x.shortSv) ?? pick(x.title)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      );
    default:
      return <input {...field} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** Checkboxes for a few choices; `keep` tells which selected values belong to other groups. */
function CheckGroup({
  legend,
  options,
  selected,
  onChange,
  error,
}: {
  legend: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={error ? 'check-group field-invalid' : 'check-group'}>
      <legend className="group-label">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(o.value)}
            aria-describedby={errorId}
            onChange={(e) => {
              const others = selected.filter((v) => v !== o.value);
              onChange(e.target.checked ? [...others, o.value] : others);
            }}
          />{' '}
          {o.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A list of chosen items (actors, efforts) with a button to remove each, and a choice to add
 * another. Works with keyboard and screen readers without a custom widget.
 */
function MultiPicker({
  legend,
  chooseLabel,
  addLabel,
  emptyText,
  options,
  selected,
  onChange,
  error,
  lang,
}: {
  legend: string;
  chooseLabel: string;
  addLabel: string;
  emptyText: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  lang: string;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  const available = options
    .filter((o) => !selected.includes(o.value))
    .sort((a, b) => collatorFor(lang).compare(a.label, b.label));
  const id = useId();
  return (
    <fieldset className={error ? 'multi-picker field-invalid' : 'multi-picker'}>
      <legend className="group-label">{legend}</legend>
      {selected.length ? (
        <ul className="picked-list">
          {selected.map((v) => (
            <li key={v}>
              <span>{labelOf.get(v) ?? v}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(selected.filter((x) => x !== v))}
              >
                {t('conflicts.form.remove')}
                <span className="visually-hidden"> {labelOf.get(v) ?? v}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{emptyText}</p>
      )}
      <div className="row-fields">
        <div className="field">
          <label htmlFor={`${id}-choice`}>{chooseLabel}</label>
          <select id={`${id}-choice`} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('conflicts.form.choose')}</option>
            {available.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={!choice}
          onClick={() => {
            if (choice) onChange([...selected, choice]);
            setChoice('');
          }}
        >
          {addLabel}
        </button>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
