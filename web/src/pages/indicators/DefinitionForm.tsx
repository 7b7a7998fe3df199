import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client';
import { FormField, fieldErrorMap } from '../../components/FormField';
import { translateFieldMessage } from '../../lib/fieldMessages';
import type { Indicator } from './api';

type Polarity = Indicator['polarity'];
type Aggregation = Indicator['aggregation'];
type SourceKind = Indicator['sourceKind'];

type Draft = {
  id: string;
  titleSv: string;
  titleEn: string;
  descriptionSv: string;
  unitSv: string;
  unitEn: string;
  source: string;
  sourceKind: SourceKind;
  koladaKpi: string;
  polarity: Polarity;
  aggregation: Aggregation;
  splitBySex: boolean;
};

const draftOf = (i?: Indicator): Draft => ({
  id: i?.id ?? '',
  titleSv: i?.title.sv ?? '',
  titleEn: i?.title.en ?? '',
  descriptionSv: i?.description.sv ?? '',
  unitSv: i?.unit.sv ?? '',
  unitEn: i?.unit.en ?? '',
  source: i?.source ?? '',
  sourceKind: i?.sourceKind ?? 'own',
  koladaKpi: i?.koladaKpi ?? '',
  polarity: i?.polarity ?? 'higher_is_better',
  aggregation: i?.aggregation ?? 'population_weighted_mean',
  splitBySex: i?.splitBySex ?? false,
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * Define a new indicator, or change one (with the version read, so a change made by someone
 * else in between is refused rather than overwritten).
 */
export function DefinitionForm({
  indicator,
  onSaved,
}: {
  indicator?: Indicator;
  onSaved: (saved: Indicator) => void;
}) {
  const { t } = useTranslation();
  const editing = Boolean(indicator);
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!editing && !/^[a-z0-9_]{1,100}$/.test(draft.id)) local.id = t('indicators.definition.idInvalid');
    if (draft.titleSv.trim() === '') local.titleSv = t('indicators.definition.required');
    if (draft.koladaKpi.trim() !== '' && !/^[NU]\d{5}$/.test(draft.koladaKpi.trim().toUpperCase()))
      local.koladaKpi = t('indicators.import.kpiInvalid');
    setErrors(local);
    setMessage(undefined);
    if (Object.keys(local).length > 0) return;
    const fields = {
      titleSv: draft.titleSv.trim(),
      titleEn: orNull(draft.titleEn),
      descriptionSv: orNull(draft.descriptionSv),
      unitSv: orNull(draft.unitSv),
      unitEn: orNull(draft.unitEn),
      source: orNull(draft.source),
      sourceKind: draft.sourceKind,
      koladaKpi: orNull(draft.koladaKpi.toUpperCase()),
      polarity: draft.polarity,
      aggregation: draft.aggregation,
      splitBySex: draft.splitBySex,
    };
    setBusy(true);
    try {
      const saved = indicator
        ? unwrap(
            await api.PATCH('/api/v1/indicators/{id}', {
              params: { path: { id: indicator.id }, header: { 'if-match': `"${indicator.version}"` } },
              body: fields,
            }),
          )
        : unwrap(await api.POST('/api/v1/indicators', { body: { id: draft.id, ...fields } }));
      setMessage({
        ok: true,
        text: t(editing ? 'indicators.definition.saved' : 'indicators.definition.created'),
      });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(fieldErrorMap(error.fieldErrors, (m) => translateFieldMessage(t, m)));
        const known: Record<string, string> = {
          VERSION_MISMATCH: t('indicators.definition.changed'),
          ID_IN_USE: t('indicators.definition.idInUse'),
          KPI_IN_USE: t('indicators.definition.kpiInUse'),
        };
        setMessage({ ok: false, text: (error.code && known[error.code]) || error.message });
      } else setMessage({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const idPrefix = editing ? 'edit' : 'new';
  return (
    <form className="form definition-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        {editing ? null : (
          <FormField
            label={t('indicators.definition.id')}
            hint={t('indicators.definition.idHint')}
            error={errors.id}
          >
            {(p) => <input {...p} value={draft.id} onChange={(e) => set('id', e.target.value)} />}
          </FormField>
        )}
        <FormField label={t('indicators.definition.titleSv')} error={errors.titleSv}>
          {(p) => <input {...p} value={draft.titleSv} onChange={(e) => set('titleSv', e.target.value)} />}
        </FormField>
        <FormField label={t('indicators.definition.titleEn')} error={errors.titleEn}>
          {(p) => (
            <input {...p} lang="en" value={draft.titleEn} onChange={(e) => set('titleEn', e.target.value)} />
          )}
        </FormField>
        <FormField label={t('indicators.definition.unitSv')} error={errors.unitSv}>
          {(p) => <input {...p} value={draft.unitSv} onChange={(e) => set('unitSv', e.target.value)} />}
        </FormField>
        <FormField label={t('indicators.definition.unitEn')} error={errors.unitEn}>
          {(p) => (
            <input {...p} lang="en" value={draft.unitEn} onChange={(e) => set('unitEn', e.target.value)} />
          )}
        </FormField>
        <FormField
          label={t('indicators.definition.koladaKpi')}
          hint={t('indicators.import.kpisHint')}
          error={errors.koladaKpi}
        >
          {(p) => <input {...p} value={draft.koladaKpi} onChange={(e) => set('koladaKpi', e.target.value)} />}
        </FormField>
        <FormField label={t('indicators.definition.sourceKind')} error={errors.sourceKind}>
          {(p) => (
            <select
              {...p}
              value={draft.sourceKind}
              onChange={(e) => set('sourceKind', e.target.value as SourceKind)}
            >
              {(['kolada', 'scb', 'own'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`indicators.definition.sourceKindName.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('indicators.direction')} error={errors.polarity}>
          {(p) => (
            <select
              {...p}
              value={draft.polarity}
              onChange={(e) => set('polarity', e.target.value as Polarity)}
            >
              {(['higher_is_better', 'lower_is_better', 'neutral'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`indicators.polarity.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('indicators.aggregation')} error={errors.aggregation}>
          {(p) => (
            <select
              {...p}
              value={draft.aggregation}
              onChange={(e) => set('aggregation', e.target.value as Aggregation)}
            >
              {(['sum', 'population_weighted_mean', 'none'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`indicators.aggregationKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('indicators.definition.source')} error={errors.source}>
        {(p) => <input {...p} value={draft.source} onChange={(e) => set('source', e.target.value)} />}
      </FormField>
      <FormField label={t('indicators.definition.description')} error={errors.descriptionSv}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={draft.descriptionSv}
            onChange={(e) => set('descriptionSv', e.target.value)}
          />
        )}
      </FormField>
      <label className="checkbox" htmlFor={`${idPrefix}-split-by-sex`}>
        <input
          id={`${idPrefix}-split-by-sex`}
          type="checkbox"
          checked={draft.splitBySex}
          onChange={(e) => set('splitBySex', e.target.checked)}
        />
        {t('indicators.definition.splitBySex')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t(editing ? 'indicators.definition.save' : 'indicators.definition.create')}
        </button>
      </div>
      {message ? (
        <p className={message.ok ? 'form-ok' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
