/**
 * The editable parts of a strength-area page: the vision, the sub-areas and the intervention
 * logic. Staff see the forms; a refused save (412) keeps what they wrote, shows what is saved
 * now, and the next save changes only the fields they changed themselves.
 */
import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { FormField } from '../../../components/FormField';
import { pickText } from '../../../components/Localized';
import { formatNumber } from '../../../lib/format';
import { problemMessages } from '../../../lib/problems';
import { useApi } from '../../../lib/useApi';
import {
  type Area,
  changeLogicItem,
  changeSubArea,
  createLogicItem,
  createSubArea,
  deleteLogicItem,
  deleteSubArea,
  getArea,
  getEffortIndicators,
  type LogicItem,
  listIndicators,
  type SubArea,
  saveVision,
} from './api';
import { changedFields, decimalText, parseDecimal, visionText } from './labels';

type Errors = Record<string, string>;

const isStale = (error: unknown) => error instanceof ApiError && error.status === 412;

/** Form-level and field messages of a failed save; 412 gets the "someone else saved" text. */
function useSaveErrors() {
  const { t } = useTranslation();
  return (error: unknown, stale: string): Errors =>
    isStale(error) ? { form: stale } : problemMessages(t, error, { IN_USE: t('s3Areas.edit.inUse') });
}

function FormMessage({
  errors,
  summaryRef,
}: {
  errors: Errors;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  if (!errors.form) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-error">
      <p>{errors.form}</p>
    </div>
  );
}

/**
 * Focus in an editor form: the first field when it opens; after a failed save the first marked
 * field, or the message when there is no marked field or a colleague's version is shown.
 */
function useEditorFocus(errors: Errors, stale: boolean, open = true) {
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, [open]);
  useEffect(() => {
    if (!errors.form) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (stale || !field ? summaryRef.current : field)?.focus();
  }, [errors, stale]);
  return { formRef, summaryRef };
}

/**
 * Moves focus to the element with an id after the next render that shows it (the button that
 * opened a closed form, or the section heading after a removal).
 */
function useFocusLater() {
  const target = useRef<string | null>(null);
  useEffect(() => {
    if (!target.current) return;
    const element = document.getElementById(target.current);
    if (element) {
      element.focus();
      target.current = null;
    }
  });
  return (id: string) => {
    target.current = id;
  };
}

/** The saved version shown after a refused save, with the button that takes it over. */
function SavedVersion({
  testId,
  onUse,
  children,
}: {
  testId: string;
  onUse: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="s3-stale" data-testid={testId} aria-label={t('s3Areas.edit.savedVersion')}>
      <p>
        <strong>{t('s3Areas.edit.savedVersion')}</strong>
      </p>
      {children}
      <p className="field-hint">{t('s3Areas.edit.savedVersionHint')}</p>
      <button type="button" className="button button-secondary button-small" onClick={onUse}>
        {t('s3Areas.edit.useSaved')}
      </button>
    </section>
  );
}

// --- Vision ---------------------------------------------------------------------------------

type Vision = NonNullable<Area['vision']>;
type VisionDraft = { textSv: string; textEn: string; isExample: boolean };
const visionDraftOf = (v: Vision | null | undefined): VisionDraft => ({
  textSv: v?.textSv ?? '',
  textEn: v?.textEn ?? '',
  isExample: v?.isExample ?? false,
});
const visionBodyOf = (d: VisionDraft) => ({
  textSv: d.textSv.trim(),
  textEn: d.textEn.trim() === '' ? null : d.textEn.trim(),
  isExample: d.isExample,
});

export function VisionSection({ area, staff, onSaved }: { area: Area; staff: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const saveErrors = useSaveErrors();
  const [editing, setEditing] = useState(false);
  // What the writer started from; after a refused save only what differs from it is sent.
  const [start, setStart] = useState<VisionDraft>(visionDraftOf(null));
  const [draft, setDraft] = useState<VisionDraft>(visionDraftOf(null));
  const [version, setVersion] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [stale, setStale] = useState<Vision>();
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const { formRef, summaryRef } = useEditorFocus(errors, Boolean(stale), editing);
  const focusLater = useFocusLater();
  const shown = visionText(area.vision, i18n.language);
  const buttonId = `s3-vision-edit-${area.slug}`;

  const open = () => {
    setStart(visionDraftOf(area.vision));
    setDraft(visionDraftOf(area.vision));
    setVersion(area.visionVersion);
    setErrors({});
    setStale(undefined);
    setSaved(false);
    setEditing(true);
  };
  const close = () => {
    focusLater(buttonId);
    setEditing(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.textSv.trim()) {
      setErrors({ form: t('s3Areas.edit.fixErrors'), textSv: t('s3Areas.edit.textSvRequired') });
      return;
    }
    const body =
      version === 0 ? visionBodyOf(draft) : changedFields(visionBodyOf(start), visionBodyOf(draft));
    if (Object.keys(body).length === 0) {
      close();
      return;
    }
    setSaving(true);
    try {
      await saveVision(area.slug, version, body);
      setSaved(true);
      close();
      onSaved();
    } catch (e) {
      setErrors(saveErrors(e, t('s3Areas.edit.stale')));
      if (isStale(e)) {
        // Keep the writer's text; show what is saved now and base the next save on it.
        const now = await getArea(area.slug).catch(() => undefined);
        if (now) {
          setStale(now.vision ?? undefined);
          setVersion(now.visionVersion);
        }
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="section tight" aria-labelledby="s3-vision-title" id="vision">
      <h2 id="s3-vision-title">{t('s3Areas.area.visionTitle')}</h2>
      {shown ? (
        <div className="s3-vision" data-testid="vision">
          {area.vision?.isExample ? (
            <p>
              <span className="badge">{t('s3Areas.exampleText')}</span>
            </p>
          ) : null}
          <p lang={shown.lang}>{shown.text}</p>
        </div>
      ) : (
        <p className="muted">{t('s3Areas.overview.noVision')}</p>
      )}
      {saved ? (
        <p className="form-ok" role="status">
          {t('s3Areas.edit.saved')}
        </p>
      ) : null}
      {staff && !editing ? (
        <p>
          <button type="button" className="button button-secondary" id={buttonId} onClick={open}>
            {t('s3Areas.edit.editVision')}
          </button>
        </p>
      ) : null}
      {staff && editing ? (
        <form
          className="form s3-editor"
          onSubmit={submit}
          noValidate
          aria-busy={saving}
          ref={formRef}
          aria-label={t('s3Areas.edit.editVision')}
        >
          <FormMessage errors={errors} summaryRef={summaryRef} />
          {stale ? (
            <SavedVersion
              testId="stale-vision"
              onUse={() => {
                setDraft(visionDraftOf(stale));
                setStart(visionDraftOf(stale));
                setStale(undefined);
                setErrors({});
              }}
            >
              {stale.isExample ? (
                <p>
                  <span className="badge">{t('s3Areas.exampleText')}</span>
                </p>
              ) : null}
              <dl className="s3-saved-facts">
                <dt>{t('s3Areas.edit.textSv')}</dt>
                <dd>
                  <blockquote lang="sv">{stale.textSv || '–'}</blockquote>
                </dd>
                <dt>{t('s3Areas.edit.textEn')}</dt>
                <dd>
                  {stale.textEn ? (
                    <blockquote lang="en">{stale.textEn}</blockquote>
                  ) : (
                    t('s3Areas.edit.noEnglish')
                  )}
                </dd>
                <dt>{t('s3Areas.edit.exampleFlag')}</dt>
                <dd>{stale.isExample ? t('s3Areas.edit.yes') : t('s3Areas.edit.no')}</dd>
              </dl>
            </SavedVersion>
          ) : null}
          <FormField label={t('s3Areas.edit.textSv')} error={errors.textSv}>
            {(f) => (
              <textarea
                {...f}
                lang="sv"
                rows={8}
                value={draft.textSv}
                onChange={(e) => setDraft({ ...draft, textSv: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('s3Areas.edit.textEn')} error={errors.textEn}>
            {(f) => (
              <textarea
                {...f}
                lang="en"
                rows={6}
                value={draft.textEn}
                onChange={(e) => setDraft({ ...draft, textEn: e.target.value })}
              />
            )}
          </FormField>
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.isExample}
                onChange={(e) => setDraft({ ...draft, isExample: e.target.checked })}
              />{' '}
              {t('s3Areas.edit.isExample')}
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={saving}>
              {t('s3Areas.edit.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              {t('s3Areas.edit.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

// --- Sub-areas --------------------------------------------------------------------------------

type SubDraft = { name: string; description: string; needs: string };
const subDraftOf = (s?: SubArea): SubDraft => ({
  name: s?.name ?? '',
  description: s?.description ?? '',
  needs: s?.needs ?? '',
});
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const subBodyOf = (d: SubDraft) => ({
  name: d.name.trim(),
  description: orNull(d.description),
  needs: orNull(d.needs),
});

function SubAreaForm({
  slug,
  item,
  onDone,
}: {
  slug: string;
  item?: SubArea;
  /** The form closes; `saved` when something was saved (the area is then read again). */
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const saveErrors = useSaveErrors();
  const [start, setStart] = useState(() => subDraftOf(item));
  const [draft, setDraft] = useState(() => subDraftOf(item));
  const [version, setVersion] = useState(item?.version ?? 0);
  const [theirs, setTheirs] = useState<SubArea>();
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const { formRef, summaryRef } = useEditorFocus(errors, Boolean(theirs));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) {
      setErrors({ form: t('s3Areas.edit.fixErrors'), name: t('s3Areas.edit.nameRequired') });
      return;
    }
    const body = subBodyOf(draft);
    setSaving(true);
    try {
      if (item) {
        const patch = changedFields(subBodyOf(start), body);
        if (Object.keys(patch).length === 0) {
          onDone(false);
          return;
        }
        await changeSubArea(item.id, version, patch);
      } else await createSubArea(slug, body);
      onDone(true);
    } catch (e) {
      setErrors(saveErrors(e, t('s3Areas.edit.stale')));
      if (item && isStale(e)) {
        // Show the colleague's version; the draft stays and the next save changes only what
        // the writer changed, over the version saved now.
        const now = await getArea(slug).catch(() => undefined);
        const saved = now?.subAreas.find((s) => s.id === item.id);
        if (saved) {
          setTheirs(saved);
          setVersion(saved.version);
        } else if (now) setErrors({ form: t('s3Areas.edit.gone') });
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="form s3-editor"
      onSubmit={submit}
      noValidate
      aria-busy={saving}
      ref={formRef}
      aria-label={item ? t('s3Areas.edit.editSubArea', { name: item.name }) : t('s3Areas.edit.addSubArea')}
      data-testid="sub-area-form"
    >
      <FormMessage errors={errors} summaryRef={summaryRef} />
      {theirs ? (
        <SavedVersion
          testId="stale-sub-area"
          onUse={() => {
            setDraft(subDraftOf(theirs));
            setStart(subDraftOf(theirs));
            setTheirs(undefined);
            setErrors({});
          }}
        >
          <dl className="s3-saved-facts">
            <dt>{t('s3Areas.edit.name')}</dt>
            <dd lang="sv">{theirs.name}</dd>
            <dt>{t('s3Areas.edit.description')}</dt>
            <dd lang="sv">{theirs.description ?? '–'}</dd>
            <dt>{t('s3Areas.edit.needs')}</dt>
            <dd lang="sv">{theirs.needs ?? '–'}</dd>
          </dl>
        </SavedVersion>
      ) : null}
      <FormField label={t('s3Areas.edit.name')} error={errors.name}>
        {(f) => (
          <input
            {...f}
            maxLength={200}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        )}
      </FormField>
      <FormField label={t('s3Areas.edit.description')} error={errors.description}>
        {(f) => (
          <textarea
            {...f}
            rows={3}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
        )}
      </FormField>
      <FormField label={t('s3Areas.edit.needs')} error={errors.needs}>
        {(f) => (
          <textarea
            {...f}
            rows={4}
            value={draft.needs}
            onChange={(e) => setDraft({ ...draft, needs: e.target.value })}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {t('s3Areas.edit.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('s3Areas.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * A remove button that asks once more in place (no browser dialog). When someone else changed
 * the item meanwhile (412) it says so and has the area read again, so the next try can succeed.
 */
function RemoveButton({
  name,
  staleMessage,
  onRemove,
  onChanged,
}: {
  name: string;
  staleMessage: string;
  onRemove: () => Promise<void>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState(false);
  const saveErrors = useSaveErrors();
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'ask' | 'confirm' | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    (focusNext.current === 'ask' ? askRef : confirmRef).current?.focus();
    focusNext.current = null;
  });
  if (!asking)
    return (
      <button
        type="button"
        className="button button-secondary button-small"
        ref={askRef}
        onClick={() => {
          focusNext.current = 'confirm';
          setError(undefined);
          setAsking(true);
        }}
      >
        {t('s3Areas.edit.remove')}
        <span className="visually-hidden"> {name}</span>
      </button>
    );
  return (
    <span className="confirm">
      <span className="confirm-text">{t('s3Areas.edit.confirmRemove', { name })}</span>{' '}
      <button
        type="button"
        className="button button-danger button-small"
        ref={confirmRef}
        disabled={removing}
        onClick={async () => {
          setRemoving(true);
          try {
            await onRemove();
          } catch (e) {
            if (isStale(e)) {
              setError(staleMessage);
              onChanged();
            } else setError(saveErrors(e, staleMessage).form);
          } finally {
            setRemoving(false);
          }
        }}
      >
        {t('s3Areas.edit.remove')}
      </button>{' '}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          focusNext.current = 'ask';
          setAsking(false);
        }}
      >
        {t('s3Areas.edit.cancel')}
      </button>
      {error ? (
        <span className="field-error" role="alert" data-testid="remove-error">
          {' '}
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function SubAreasSection({
  area,
  staff,
  onChanged,
}: {
  area: Area;
  staff: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const focusLater = useFocusLater();
  const editId = (id: string) => `s3-sub-edit-${id}`;
  const addId = 's3-sub-add';
  const close = (buttonId: string) => (saved: boolean) => {
    focusLater(buttonId);
    setEditing(null);
    if (saved) onChanged();
  };
  return (
    <section className="section tight" aria-labelledby="s3-sub-areas-title" id="delomraden">
      <div className="section-head">
        <h2 id="s3-sub-areas-title" tabIndex={-1}>
          {t('s3Areas.area.subAreasTitle')}
        </h2>
        <p>{t('s3Areas.area.subAreasLead')}</p>
      </div>
      {area.subAreas.length === 0 ? <p className="muted">{t('s3Areas.area.noSubAreas')}</p> : null}
      <ul className="s3-sub-areas" data-testid="sub-areas">
        {area.subAreas.map((s) => (
          <li key={s.id} className="card">
            {editing === s.id ? (
              <SubAreaForm slug={area.slug} item={s} onDone={close(editId(s.id))} />
            ) : (
              <>
                <h3 lang="sv">{s.name}</h3>
                {s.isExample ? <span className="badge">{t('s3Areas.example')}</span> : null}
                {s.description ? <p lang="sv">{s.description}</p> : null}
                {s.needs ? (
                  <>
                    <h4>{t('s3Areas.area.needs')}</h4>
                    <p lang="sv">{s.needs}</p>
                  </>
                ) : null}
                {staff ? (
                  <p className="list-actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      id={editId(s.id)}
                      onClick={() => setEditing(s.id)}
                    >
                      {t('s3Areas.edit.edit')}
                      <span className="visually-hidden"> {s.name}</span>
                    </button>{' '}
                    <RemoveButton
                      name={s.name}
                      staleMessage={t('s3Areas.edit.removeStaleSubArea')}
                      onChanged={onChanged}
                      onRemove={async () => {
                        await deleteSubArea(s.id, s.version);
                        focusLater('s3-sub-areas-title');
                        onChanged();
                      }}
                    />
                  </p>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {staff && editing === 'new' ? <SubAreaForm slug={area.slug} onDone={close(addId)} /> : null}
      {staff && editing !== 'new' ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            id={addId}
            onClick={() => setEditing('new')}
          >
            {t('s3Areas.edit.addSubArea')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

// --- Intervention logic -------------------------------------------------------------------------

/** How an output or result is measured: the indicator, its latest value (unit, year) and target. */
export function Measure({ item }: { item: LogicItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const m = item.measure;
  const target =
    item.targetValue !== null
      ? item.targetYear !== null
        ? t('s3Areas.area.targetValue', {
            value: formatNumber(item.targetValue, lang),
            year: item.targetYear,
          })
        : t('s3Areas.area.targetNoYear', { value: formatNumber(item.targetValue, lang) })
      : null;
  let measure: ReactNode = <span className="muted">{t('s3Areas.area.noMeasure')}</span>;
  let latest: ReactNode = null;
  if (m?.kind === 'indicator') {
    const unit = pickText(m.unit, lang);
    measure = pickText(m.title, lang);
    latest = m.latest
      ? t('s3Areas.area.latestValue', {
          value: `${formatNumber(m.latest.value, lang)}${unit ? ` ${unit}` : ''}`,
          when: m.latest.year,
        })
      : t('s3Areas.area.noValue');
  } else if (m?.kind === 'effort_indicator') {
    measure = (
      <>
        <span lang="sv">{m.name}</span> ({t('s3Areas.area.effort').toLowerCase()}{' '}
        <Link to={`/insatser/${m.effort.id}`}>{m.effort.title}</Link>)
      </>
    );
    latest = m.latest
      ? t('s3Areas.area.latestValue', {
          value: `${formatNumber(m.latest.value, lang)} ${m.unit}`,
          when: m.latest.period,
        })
      : t('s3Areas.area.noValue');
  }
  return (
    <>
      <p>
        <span className="muted">{t('s3Areas.area.measure')}:</span> {measure}
      </p>
      {latest ? (
        <p>
          <span className="muted">{t('s3Areas.area.latest')}:</span> {latest}
        </p>
      ) : null}
      {target ? (
        <p>
          <span className="muted">{t('s3Areas.area.target')}:</span> {target}
        </p>
      ) : null}
    </>
  );
}

type LogicDraft = {
  kind: 'output' | 'result';
  initiativeId: string;
  description: string;
  indicatorId: string;
  effortId: string;
  effortIndicatorId: string;
  targetValue: string;
  targetYear: string;
};

const logicDraftOf = (item: LogicItem | undefined, kind: LogicDraft['kind'], lang: string): LogicDraft => ({
  kind: item?.kind ?? kind,
  initiativeId: item?.initiativeId ?? '',
  description: item?.description ?? '',
  indicatorId: item?.indicatorId ?? '',
  effortId: item?.measure?.kind === 'effort_indicator' ? item.measure.effort.id : '',
  effortIndicatorId: item?.effortIndicatorId ?? '',
  targetValue: decimalText(item?.targetValue, lang),
  targetYear: item?.targetYear !== null && item?.targetYear !== undefined ? String(item.targetYear) : '',
});

const YEAR = /^\d{4}$/;
const parseYear = (s: string) =>
  s.trim() === '' ? null : YEAR.test(s.trim()) ? Number(s.trim()) : Number.NaN;

/** The body of a logic item from a draft (numbers already checked). */
const logicBodyOf = (d: LogicDraft, lang: string) => ({
  kind: d.kind,
  initiativeId: d.kind === 'output' ? d.initiativeId || null : null,
  description: d.description.trim(),
  indicatorId: d.indicatorId || null,
  effortIndicatorId: d.indicatorId ? null : d.effortIndicatorId || null,
  targetValue: parseDecimal(d.targetValue, lang),
  targetYear: parseYear(d.targetYear),
});
// The kind and the initiative, and the two ways of measuring, are sent together.
const LOGIC_GROUPS = [
  ['kind', 'initiativeId'],
  ['indicatorId', 'effortIndicatorId'],
] as const;

function LogicForm({
  area,
  item,
  kind,
  onDone,
}: {
  area: Area;
  item?: LogicItem;
  kind: 'output' | 'result';
  onDone: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const saveErrors = useSaveErrors();
  const [start, setStart] = useState<LogicDraft>(() => logicDraftOf(item, kind, lang));
  const [draft, setDraft] = useState<LogicDraft>(() => logicDraftOf(item, kind, lang));
  const [version, setVersion] = useState(item?.version ?? 0);
  const [theirs, setTheirs] = useState<LogicItem>();
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const { formRef, summaryRef } = useEditorFocus(errors, Boolean(theirs));
  const indicators = useApi(listIndicators, []);
  const effortIndicators = useApi(
    async () => (draft.effortId ? getEffortIndicators(draft.effortId) : []),
    [draft.effortId],
  );
  const set = (patch: Partial<LogicDraft>) => setDraft({ ...draft, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Errors = {};
    if (draft.kind === 'output' && !draft.initiativeId)
      problems.initiativeId = t('s3Areas.edit.initiativeRequired');
    if (!draft.description.trim()) problems.description = t('s3Areas.edit.logicDescriptionRequired');
    const targetValue = parseDecimal(draft.targetValue, lang);
    const targetYear = parseYear(draft.targetYear);
    if (targetValue !== null && !Number.isFinite(targetValue))
      problems.targetValue = t('s3Areas.edit.targetValueNumber');
    if (targetYear !== null && !(Number.isInteger(targetYear) && targetYear >= 2000 && targetYear <= 2100))
      problems.targetYear = t('s3Areas.edit.targetYearRange');
    if (Object.keys(problems).length) {
      setErrors({ ...problems, form: t('s3Areas.edit.fixErrors') });
      return;
    }
    const body = logicBodyOf(draft, lang);
    setSaving(true);
    try {
      if (item) {
        const patch = changedFields(logicBodyOf(start, lang), body, LOGIC_GROUPS);
        if (Object.keys(patch).length === 0) {
          onDone(false);
          return;
        }
        await changeLogicItem(item.id, version, patch);
      } else await createLogicItem(area.slug, body);
      onDone(true);
    } catch (e) {
      setErrors(saveErrors(e, t('s3Areas.edit.stale')));
      if (item && isStale(e)) {
        const now = await getArea(area.slug).catch(() => undefined);
        const saved = now && [...now.logic.results, ...now.logic.outputs].find((x) => x.id === item.id);
        if (saved) {
          setTheirs(saved);
          setVersion(saved.version);
        } else if (now) setErrors({ form: t('s3Areas.edit.gone') });
      }
    } finally {
      setSaving(false);
    }
  };
  const indicatorOptions =
    indicators.status === 'ok'
      ? [...indicators.data].sort((a, b) =>
          pickText(a.title, lang).localeCompare(pickText(b.title, lang), lang),
        )
      : [];
  const initiativeTitle = (id: string | null) => area.initiatives.find((i) => i.id === id)?.title ?? '–';
  return (
    <form
      className="form s3-editor"
      onSubmit={submit}
      noValidate
      aria-busy={saving}
      ref={formRef}
      aria-label={
        item
          ? t('s3Areas.edit.editLogic', { name: item.description })
          : kind === 'output'
            ? t('s3Areas.edit.addOutput')
            : t('s3Areas.edit.addResult')
      }
      data-testid="logic-form"
    >
      <FormMessage errors={errors} summaryRef={summaryRef} />
      {theirs ? (
        <SavedVersion
          testId="stale-logic"
          onUse={() => {
            setDraft(logicDraftOf(theirs, theirs.kind, lang));
            setStart(logicDraftOf(theirs, theirs.kind, lang));
            setTheirs(undefined);
            setErrors({});
          }}
        >
          <dl className="s3-saved-facts">
            <dt>{t('s3Areas.edit.kind')}</dt>
            <dd>{theirs.kind === 'output' ? t('s3Areas.edit.kindOutput') : t('s3Areas.edit.kindResult')}</dd>
            {theirs.kind === 'output' ? (
              <>
                <dt>{t('s3Areas.edit.initiative')}</dt>
                <dd lang="sv">{initiativeTitle(theirs.initiativeId)}</dd>
              </>
            ) : null}
            <dt>{t('s3Areas.edit.logicDescription')}</dt>
            <dd lang="sv">{theirs.description}</dd>
          </dl>
          <Measure item={theirs} />
        </SavedVersion>
      ) : null}
      <FormField label={t('s3Areas.edit.kind')} error={errors.kind}>
        {(f) => (
          <select
            {...f}
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as LogicDraft['kind'] })}
          >
            <option value="result">{t('s3Areas.edit.kindResult')}</option>
            <option value="output">{t('s3Areas.edit.kindOutput')}</option>
          </select>
        )}
      </FormField>
      {draft.kind === 'output' ? (
        <FormField label={t('s3Areas.edit.initiative')} error={errors.initiativeId}>
          {(f) => (
            <select {...f} value={draft.initiativeId} onChange={(e) => set({ initiativeId: e.target.value })}>
              <option value="">{t('s3Areas.edit.chooseInitiative')}</option>
              {area.initiatives.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <FormField label={t('s3Areas.edit.logicDescription')} error={errors.description}>
        {(f) => (
          <input
            {...f}
            maxLength={2000}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </FormField>
      <FormField label={t('s3Areas.edit.indicator')} error={errors.indicatorId}>
        {(f) => (
          <select {...f} value={draft.indicatorId} onChange={(e) => set({ indicatorId: e.target.value })}>
            <option value="">{t('s3Areas.edit.noIndicator')}</option>
            {indicatorOptions.map((i) => (
              <option key={i.id} value={i.id}>
                {pickText(i.title, lang)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {!draft.indicatorId ? (
        <div className="form-grid">
          <FormField label={t('s3Areas.area.effort')} error={undefined}>
            {(f) => (
              <select
                {...f}
                value={draft.effortId}
                onChange={(e) => set({ effortId: e.target.value, effortIndicatorId: '' })}
              >
                <option value="">{t('s3Areas.edit.noIndicator')}</option>
                {area.money.efforts.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {draft.effortId ? (
            <FormField label={t('s3Areas.edit.effortIndicator')} error={errors.effortIndicatorId}>
              {(f) => (
                <select
                  {...f}
                  value={draft.effortIndicatorId}
                  onChange={(e) => set({ effortIndicatorId: e.target.value })}
                >
                  <option value="">{t('s3Areas.edit.noIndicator')}</option>
                  {(effortIndicators.status === 'ok' ? effortIndicators.data : []).map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name} ({i.unit})
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
        </div>
      ) : null}
      <div className="form-grid">
        <FormField
          label={t('s3Areas.edit.targetValue')}
          hint={t('s3Areas.edit.targetValueHint')}
          error={errors.targetValue}
        >
          {(f) => (
            <input
              {...f}
              inputMode="decimal"
              value={draft.targetValue}
              onChange={(e) => set({ targetValue: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          label={t('s3Areas.edit.targetYear')}
          hint={t('s3Areas.edit.targetYearHint')}
          error={errors.targetYear}
        >
          {(f) => (
            <input
              {...f}
              inputMode="numeric"
              maxLength={4}
              value={draft.targetYear}
              onChange={(e) => set({ targetYear: e.target.value })}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {t('s3Areas.edit.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('s3Areas.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

function LogicEntry({
  area,
  item,
  staff,
  editing,
  onEdit,
  onDone,
  onChanged,
  onRemoved,
}: {
  area: Area;
  item: LogicItem;
  staff: boolean;
  editing: boolean;
  onEdit: () => void;
  onDone: (saved: boolean) => void;
  onChanged: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  if (editing)
    return (
      <li>
        <LogicForm area={area} item={item} kind={item.kind} onDone={onDone} />
      </li>
    );
  return (
    <li className="s3-logic-item" data-testid="logic-item">
      <p>
        <strong lang="sv">{item.description}</strong>{' '}
        {item.isExample ? <span className="badge">{t('s3Areas.example')}</span> : null}
      </p>
      <Measure item={item} />
      {staff ? (
        <p className="list-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            id={logicEditId(item.id)}
            onClick={onEdit}
          >
            {t('s3Areas.edit.edit')}
            <span className="visually-hidden"> {item.description}</span>
          </button>{' '}
          <RemoveButton
            name={item.description}
            staleMessage={t('s3Areas.edit.removeStaleLogic')}
            onChanged={onChanged}
            onRemove={async () => {
              await deleteLogicItem(item.id, item.version);
              onRemoved();
            }}
          />
        </p>
      ) : null}
    </li>
  );
}

const logicEditId = (id: string) => `s3-logic-edit-${id}`;

export function LogicSection({
  area,
  staff,
  onChanged,
}: {
  area: Area;
  staff: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  // The item being changed, or 'new-output' / 'new-result' for a new one.
  const [editing, setEditing] = useState<string | null>(null);
  const focusLater = useFocusLater();
  const close = (buttonId: string) => (saved: boolean) => {
    focusLater(buttonId);
    setEditing(null);
    if (saved) onChanged();
  };
  const entry = (item: LogicItem) => (
    <LogicEntry
      key={item.id}
      area={area}
      item={item}
      staff={staff}
      editing={editing === item.id}
      onEdit={() => setEditing(item.id)}
      onDone={close(logicEditId(item.id))}
      onChanged={onChanged}
      onRemoved={() => {
        focusLater('s3-logic-title');
        onChanged();
      }}
    />
  );
  const adding = editing === 'new-output' ? 'output' : editing === 'new-result' ? 'result' : null;
  const withOutputs = area.initiatives.filter((i) => area.logic.outputs.some((o) => o.initiativeId === i.id));
  return (
    <section className="section tight" aria-labelledby="s3-logic-title" id="interventionslogik">
      <div className="section-head">
        <h2 id="s3-logic-title" tabIndex={-1}>
          {t('s3Areas.area.logicTitle')}
        </h2>
        <p>{t('s3Areas.area.logicLead')}</p>
      </div>
      <h3>{t('s3Areas.area.outputs')}</h3>
      {withOutputs.length === 0 ? <p className="muted">{t('s3Areas.area.noOutputs')}</p> : null}
      <ul className="s3-logic s3-logic-chain">
        {withOutputs.map((i) => (
          <li key={i.id}>
            <Link to={`/smart-specialisering/initiativ/${i.id}`} lang="sv">
              {i.title}
            </Link>
            <ul>{area.logic.outputs.filter((o) => o.initiativeId === i.id).map(entry)}</ul>
          </li>
        ))}
      </ul>
      <h3>{t('s3Areas.area.results')}</h3>
      {area.logic.results.length === 0 ? <p className="muted">{t('s3Areas.area.noResults')}</p> : null}
      <ul className="s3-logic">{area.logic.results.map(entry)}</ul>
      {staff && adding ? (
        <LogicForm area={area} kind={adding} onDone={close(`s3-logic-add-${adding}`)} />
      ) : null}
      {staff && !adding ? (
        <p className="list-actions">
          <button
            type="button"
            className="button button-secondary"
            id="s3-logic-add-result"
            onClick={() => setEditing('new-result')}
          >
            {t('s3Areas.edit.addResult')}
          </button>{' '}
          <button
            type="button"
            className="button button-secondary"
            id="s3-logic-add-output"
            onClick={() => setEditing('new-output')}
            disabled={area.initiatives.length === 0}
          >
            {t('s3Areas.edit.addOutput')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
