import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap, unwrapEmpty } from '../../api/client';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../lib/format';
import type { Sex, Target } from './api';
import { SEXES, sexLabel } from './labels';

type Props = {
  indicatorId: string;
  targets: Target[];
  areas: Array<{ code: string; name: string }>;
  canEdit: boolean;
  onChanged: () => void;
};

const parseNumber = (text: string) => Number(text.replace(/\s/g, '').replace(',', '.'));

/** The indicator's targets; editors add and remove them. */
export function TargetsSection({ indicatorId, targets, areas, canEdit, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nameOf = (code: string) => areas.find((a) => a.code === code)?.name ?? code;
  const [form, setForm] = useState({
    areaCode: areas[0]?.code ?? '',
    sex: 'total' as Sex,
    value: '',
    year: '',
    baseYear: '',
    source: '',
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  const problemText = (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'TARGET_EXISTS') return t('indicators.targets.exists');
      if (error.code === 'VERSION_MISMATCH') return t('indicators.targets.changed');
      const fields = error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ');
      return fields || error.message;
    }
    return (error as Error).message;
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const value = parseNumber(form.value);
    const year = Number(form.year);
    const yearOk = (text: string) =>
      /^\d{4}$/.test(text.trim()) && Number(text) >= 1900 && Number(text) <= 2200;
    if (
      !Number.isFinite(value) ||
      form.value.trim() === '' ||
      !yearOk(form.year) ||
      (form.baseYear.trim() !== '' && !yearOk(form.baseYear))
    ) {
      setMessage({ ok: false, text: t('indicators.targets.invalid') });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      unwrap(
        await api.POST('/api/v1/indicators/{id}/targets', {
          params: { path: { id: indicatorId } },
          body: {
            areaCode: form.areaCode,
            sex: form.sex,
            value,
            year,
            baseYear: form.baseYear.trim() ? Number(form.baseYear) : null,
            source: form.source.trim() || null,
          },
        }),
      );
      setMessage({ ok: true, text: t('indicators.targets.added') });
      setForm((f) => ({ ...f, value: '', year: '', baseYear: '', source: '' }));
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (target: Target) => {
    setBusy(true);
    setMessage(undefined);
    try {
      unwrapEmpty(
        await api.DELETE('/api/v1/indicators/{id}/targets/{targetId}', {
          params: {
            path: { id: indicatorId, targetId: target.id },
            header: { 'if-match': `"${target.version}"` },
          },
        }),
      );
      setMessage({ ok: true, text: t('indicators.targets.removed') });
      onChanged();
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('indicators.targets.title')}</h2>
      {targets.length === 0 ? (
        <p>{t('indicators.targets.none')}</p>
      ) : (
        <TableScroll label={t('indicators.targets.caption')}>
          <table className="data-table">
            <caption>{t('indicators.targets.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.area')}</th>
                <th scope="col">{t('indicators.sexLabel')}</th>
                <th scope="col" className="num">
                  {t('indicators.targets.value')}
                </th>
                <th scope="col" className="num">
                  {t('indicators.targets.year')}
                </th>
                <th scope="col" className="num">
                  {t('indicators.targets.baseYear')}
                </th>
                <th scope="col">{t('indicators.targets.source')}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('indicators.targets.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.id}>
                  <td>{nameOf(target.areaCode)}</td>
                  <td>{sexLabel(t, target.sex)}</td>
                  <td className="num">{formatNumber(target.value, lang)}</td>
                  <td className="num">{target.year}</td>
                  <td className="num">{target.baseYear ?? '–'}</td>
                  <td>{target.source ?? '–'}</td>
                  {canEdit ? (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busy}
                        onClick={() => void remove(target)}
                      >
                        {t('indicators.targets.remove')}
                        <span className="visually-hidden">
                          {' '}
                          {nameOf(target.areaCode)} {target.year}
                        </span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit ? (
        <form className="form target-form" onSubmit={add} aria-labelledby="target-form-title">
          <h3 id="target-form-title">{t('indicators.targets.add')}</h3>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="target-area">{t('indicators.area')}</label>
              <select
                id="target-area"
                value={form.areaCode}
                onChange={(e) => setForm({ ...form, areaCode: e.target.value })}
              >
                {areas.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="target-sex">{t('indicators.sexLabel')}</label>
              <select
                id="target-sex"
                value={form.sex}
                onChange={(e) => setForm({ ...form, sex: e.target.value as Sex })}
              >
                {SEXES.map((s) => (
                  <option key={s} value={s}>
                    {sexLabel(t, s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="target-value">{t('indicators.targets.value')}</label>
              <input
                id="target-value"
                inputMode="decimal"
                required
                value={form.value}
                onChange={(e) => setForm({ ...form, value: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="target-year">{t('indicators.targets.year')}</label>
              <input
                id="target-year"
                inputMode="numeric"
                required
                value={form.year}
                onChange={(e) => setForm({ ...form, year: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="target-base">{t('indicators.targets.baseYear')}</label>
              <input
                id="target-base"
                inputMode="numeric"
                aria-describedby="target-base-hint"
                value={form.baseYear}
                onChange={(e) => setForm({ ...form, baseYear: e.target.value })}
              />
              <p className="field-hint" id="target-base-hint">
                {t('indicators.targets.baseYearHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor="target-source">{t('indicators.targets.source')}</label>
              <input
                id="target-source"
                value={form.source}
                onChange={(e) => setForm({ ...form, source: e.target.value })}
              />
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('indicators.targets.save')}
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p className={message.ok ? 'form-ok' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
