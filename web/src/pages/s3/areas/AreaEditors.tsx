/**
 * The editable parts of a strength-area page: the vision, the sub-areas and the intervention
 * logic. Staff see the forms; a refused save (412) keeps what they wrote and shows what is saved.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
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
import { visionText } from './labels';

type Errors = Record<string, string>;

/** Form-level and field messages of a failed save; 412 gets the "someone else saved" text. */
function useSaveErrors() {
  const { t } = useTranslation();
  return (error: unknown, stale: string): Errors =>
    error instanceof ApiError && error.status === 412
      ? { form: stale }
      : problemMessages(t, error, { IN_USE: t('s3Areas.edit.inUse') });
}

function FormMessage({ errors }: { errors: Errors }) {
  if (!errors.form) return null;
  return (
    <div className="form-error" role="alert" data-testid="form-error">
      <p>{errors.form}</p>
    </div>
  );
}

// --- Vision ---------------------------------------------------------------------------------

export function VisionSection({ area, staff, onSaved }: { area: Area; staff: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const saveErrors = useSaveErrors();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ textSv: '', textEn: '', isExample: false });
  const [version, setVersion] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [stale, setStale] = useState<{ textSv: string; textEn: string | null } | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const shown = visionText(area.vision, i18n.language);

  const open = () => {
    setDraft({
      textSv: area.vision?.textSv ?? '',
      textEn: area.vision?.textEn ?? '',
      isExample: area.vision?.isExample ?? false,
    });
    setVersion(area.visionVersion);
    setErrors({});
    setStale(null);
    setSaved(false);
    setEditing(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await saveVision(area.slug, version, {
        textSv: draft.textSv,
        textEn: draft.textEn.trim() === '' ? null : draft.textEn,
        isExample: draft.isExample,
      });
      setEditing(false);
      setSaved(true);
      onSaved();
    } catch (e) {
      setErrors(saveErrors(e, t('s3Areas.edit.stale')));
      if (e instanceof ApiError && e.status === 412) {
        // Keep the writer's text; show what is saved now and save over it next time.
        const now = await getArea(area.slug).catch(() => undefined);
        if (now) {
          setStale(now.vision ? { textSv: now.vision.textSv, textEn: now.vision.textEn } : null);
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
          <button type="button" className="button button-secondary" onClick={open}>
            {t('s3Areas.edit.editVision')}
          </button>
        </p>
      ) : null}
      {staff && editing ? (
        <form className="form s3-editor" onSubmit={submit} noValidate aria-busy={saving}>
          <FormMessage errors={errors} />
          {stale ? (
            <div className="s3-stale" data-testid="stale-vision">
              <strong>{t('s3Areas.edit.savedVersion')}</strong>
              <blockquote lang="sv">{stale.textSv}</blockquote>
            </div>
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
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
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

function SubAreaForm({
  slug,
  item,
  onDone,
  onReload,
}: {
  slug: string;
  item?: SubArea;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const saveErrors = useSaveErrors();
  const [draft, setDraft] = useState(subDraftOf(item));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) {
      setErrors({
        form: t('s3Areas.edit.fixErrors'),
        name: t('s3Areas.edit.required', { field: t('s3Areas.edit.name') }),
      });
      return;
    }
    setSaving(true);
    const body = {
      name: draft.name.trim(),
      description: orNull(draft.description),
      needs: orNull(draft.needs),
    };
    try {
      if (item) await changeSubArea(item.id, item.version, body);
      else await createSubArea(slug, body);
      onDone();
    } catch (e) {
      setErrors(saveErrors(e, t('s3Areas.edit.stale')));
      // The newer version comes with the reloaded page; the writer's draft stays here.
      if (e instanceof ApiError && e.status === 412) onReload();
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="form s3-editor" onSubmit={submit} noValidate aria-busy={saving}>
      <FormMessage errors={errors} />
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
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('s3Areas.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A remove button that asks once more in place (no browser dialog). */
function RemoveButton({ name, onRemove }: { name: string; onRemove: () => Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const saveErrors = useSaveErrors();
  if (!asking)
    return (
      <button type="button" className="button button-secondary button-small" onClick={() => setAsking(true)}>
        {t('s3Areas.edit.remove')}
      </button>
    );
  return (
    <span className="confirm">
      <span className="confirm-text">{t('s3Areas.edit.confirmRemove', { name })}</span>{' '}
      <button
        type="button"
        className="button button-danger button-small"
        onClick={async () => {
          try {
            await onRemove();
          } catch (e) {
            setError(saveErrors(e, t('s3Areas.edit.stale')).form);
          }
        }}
      >
        {t('s3Areas.edit.remove')}
      </button>{' '}
      <button type="button" className="button button-secondary button-small" onClick={() => setAsking(false)}>
        {t('s3Areas.edit.cancel')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
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
  return (
    <section className="section tight" aria-labelledby="s3-sub-areas-title" id="delomraden">
      <div className="section-head">
        <h2 id="s3-sub-areas-title">{t('s3Areas.area.subAreasTitle')}</h2>
        <p>{t('s3Areas.area.subAreasLead')}</p>
      </div>
      {area.subAreas.length === 0 ? <p className="muted">{t('s3Areas.area.noSubAreas')}</p> : null}
      <ul className="s3-sub-areas" data-testid="sub-areas">
        {area.subAreas.map((s) => (
          <li key={s.id} className="card">
            {editing === s.id ? (
              <SubAreaForm
                slug={area.slug}
                item={s}
                onDone={() => {
                  setEditing(null);
                  onChanged();
                }}
                onReload={onChanged}
              />
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
                      onClick={() => setEditing(s.id)}
                    >
                      {t('s3Areas.edit.edit')}
                      <span className="visually-hidden"> {s.name}</span>
                    </button>{' '}
                    <RemoveButton
                      name={s.name}
                      onRemove={async () => {
                        await deleteSubArea(s.id, s.version);
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
      {staff && editing === 'new' ? (
        <SubAreaForm
          slug={area.slug}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
          onReload={onChanged}
        />
      ) : null}
      {staff && editing !== 'new' ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
            {t('s3Areas.edit.addSubArea')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

// --- Intervention logic -------------------------------------------------------------------------

function Measure({ item }: { item: LogicItem }) {
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

function LogicForm({
  area,
  item,
  kind,
  onDone,
  onReload,
}: {
  area: Area;
  item?: LogicItem;
  kind: 'output' | 'result';
  onDone: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const saveErrors = useSaveErrors();
  const [draft, setDraft] = useState<LogicDraft>({
    kind: item?.kind ?? kind,
    initiativeId: item?.initiativeId ?? '',
    description: item?.description ?? '',
    indicatorId: item?.indicatorId ?? '',
    effortId: item?.measure?.kind === 'effort_indicator' ? item.measure.effort.id : '',
    effortIndicatorId: item?.effortIndicatorId ?? '',
    targetValue:
      item?.targetValue !== null && item?.targetValue !== undefined ? String(item.targetValue) : '',
    targetYear: item?.targetYear !== null && item?.targetYear !== undefined ? String(item.targetYear) : '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const indicators = useApi(listIndicators, []);
  const effortIndicators = useApi(
    async () => (draft.effortId ? getEffortIndicators(draft.effortId) : []),
    [draft.effortId],
  );
  const set = (patch: Partial<LogicDraft>) => setDraft({ ...draft, ...patch });
  const number = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.').replace(/\s/g, '')));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Errors = {};
    if (!draft.description.trim())
      problems.description = t('s3Areas.edit.required', { field: t('s3Areas.edit.logicDescription') });
    if (draft.kind === 'output' && !draft.initiativeId)
      problems.initiativeId = t('s3Areas.edit.required', { field: t('s3Areas.edit.initiative') });
    const targetValue = number(draft.targetValue);
    const targetYear = number(draft.targetYear);
    if (targetValue !== null && !Number.isFinite(targetValue)) problems.targetValue = t('problems.fixFields');
    if (targetYear !== null && !Number.isInteger(targetYear)) problems.targetYear = t('problems.fixFields');
    if (Object.keys(problems).length) {
      setErrors({ ...problems, form: t('s3Areas.edit.fixErrors') });
      return;
    }
    setSaving(true);
    const body = {
      kind: draft.kind,
      initiativeId: draft.kind === 'output' ? draft.initiativeId : null,
      description: draft.description.trim(),
      indicatorId: draft.indicatorId || null,
      effortIndicatorId: draft.indicatorId ? null : draft.effortIndicatorId || null,
      targetValue,
      targetYear,
    };
    try {
      if (item) await changeLogicItem(item.id, item.version, body);
      else await createLogicItem(area.slug, body);
      onDone();
    } catch (e) {
      setErrors(saveErrors(e, t('s3Areas.edit.stale')));
      if (e instanceof ApiError && e.status === 412) onReload();
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
  return (
    <form className="form s3-editor" onSubmit={submit} noValidate aria-busy={saving} data-testid="logic-form">
      <FormMessage errors={errors} />
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
        <FormField label={t('s3Areas.edit.targetValue')} error={errors.targetValue}>
          {(f) => (
            <input
              {...f}
              inputMode="decimal"
              value={draft.targetValue}
              onChange={(e) => set({ targetValue: e.target.value })}
            />
          )}
        </FormField>
        <FormField label={t('s3Areas.edit.targetYear')} error={errors.targetYear}>
          {(f) => (
            <input
              {...f}
              inputMode="numeric"
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
        <button type="button" className="button button-secondary" onClick={onDone}>
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
  onChanged,
}: {
  area: Area;
  item: LogicItem;
  staff: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li>
        <LogicForm
          area={area}
          item={item}
          kind={item.kind}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
          onReload={onChanged}
        />
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
            onClick={() => setEditing(true)}
          >
            {t('s3Areas.edit.edit')}
            <span className="visually-hidden"> {item.description}</span>
          </button>{' '}
          <RemoveButton
            name={item.description}
            onRemove={async () => {
              await deleteLogicItem(item.id, item.version);
              onChanged();
            }}
          />
        </p>
      ) : null}
    </li>
  );
}

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
  const [adding, setAdding] = useState<'output' | 'result' | null>(null);
  const withOutputs = area.initiatives.filter((i) => area.logic.outputs.some((o) => o.initiativeId === i.id));
  return (
    <section className="section tight" aria-labelledby="s3-logic-title" id="interventionslogik">
      <div className="section-head">
        <h2 id="s3-logic-title">{t('s3Areas.area.logicTitle')}</h2>
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
            <ul>
              {area.logic.outputs
                .filter((o) => o.initiativeId === i.id)
                .map((o) => (
                  <LogicEntry key={o.id} area={area} item={o} staff={staff} onChanged={onChanged} />
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <h3>{t('s3Areas.area.results')}</h3>
      {area.logic.results.length === 0 ? <p className="muted">{t('s3Areas.area.noResults')}</p> : null}
      <ul className="s3-logic">
        {area.logic.results.map((r) => (
          <LogicEntry key={r.id} area={area} item={r} staff={staff} onChanged={onChanged} />
        ))}
      </ul>
      {staff && adding ? (
        <LogicForm
          area={area}
          kind={adding}
          onDone={() => {
            setAdding(null);
            onChanged();
          }}
          onReload={onChanged}
        />
      ) : null}
      {staff && !adding ? (
        <p className="list-actions">
          <button type="button" className="button button-secondary" onClick={() => setAdding('result')}>
            {t('s3Areas.edit.addResult')}
          </button>{' '}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setAdding('output')}
            disabled={area.initiatives.length === 0}
          >
            {t('s3Areas.edit.addOutput')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
