import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client';
import { FormField, fieldErrorMap } from '../../components/FormField';
import { collatorFor, formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { type Conflict, ifMatch, type StepBody } from './api';
import { type ConflictStatus, isIsoDate, todayIso, translateConflictMessage } from './labels';

const MAIN_PATH: ConflictStatus[] = ['identified', 'analysed', 'handled', 'followed_up'];

/** The status a new step most often has: the next one along the main path, if it is allowed. */
function naturalNext(current: ConflictStatus, allowed: ConflictStatus[]): ConflictStatus | '' {
  const next = MAIN_PATH[MAIN_PATH.indexOf(current) + 1];
  if (next && allowed.includes(next)) return next;
  if (allowed.includes(current)) return current;
  return allowed[0] ?? '';
}

type Draft = {
  status: ConflictStatus | '';
  date: string;
  text: string;
  handling: 'measure' | 'trade_off' | '';
  justification: string;
  followUpIndicatorId: string;
};

const needsIndicator = (status: string) => status === 'handled' || status === 'followed_up';

type Props = {
  conflict: Conflict;
  onSaved: (conflict: Conflict, stepId: string | undefined) => void;
  /** Someone else saved meanwhile (412): load the latest version, keep what was typed. */
  onStale: () => void;
  onCancel: () => void;
  /** The id of the heading that names the form. */
  labelledBy?: string;
};

/**
 * Adds a step to the handling history. Only the statuses the API allows next are offered, and
 * only the fields the chosen status needs are shown; the same rules are checked here (in the
 * reader's language) and again by the server, whose messages are shown at the same fields.
 */
export function StepForm({ conflict, onSaved, onStale, onCancel, labelledBy }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const allowed = conflict.nextStatuses;
  const latest = [...conflict.steps].sort((a, b) => b.sequence - a.sequence)[0];
  const [draft, setDraft] = useState<Draft>(() => ({
    status: naturalNext(conflict.status, allowed),
    date: todayIso(),
    text: '',
    handling: '',
    justification: '',
    followUpIndicatorId: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formError = useRef<HTMLParagraphElement>(null);
  const indicators = useApi(async () => unwrap(await api.GET('/api/v1/indicators')).items, []);
  // A status that is no longer allowed (the conflict moved on meanwhile) is cleared.
  useEffect(() => {
    if (draft.status && !allowed.includes(draft.status)) setDraft((d) => ({ ...d, status: '' }));
  }, [allowed, draft.status]);
  useEffect(() => {
    if (errors.form) formError.current?.focus();
  }, [errors]);

  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const err = (key: string) => errors[key];

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    const today = todayIso();
    if (!d.status) e.status = t('conflicts.validation.chooseStatus');
    if (!isIsoDate(d.date)) e.date = t('conflicts.validation.date');
    else if (d.date > today) e.date = t('conflicts.validation.dateFuture');
    else if (latest && d.date < latest.date)
      e.date = t('conflicts.validation.dateBefore', { date: formatDate(latest.date, lang) });
    if (!d.text.trim()) {
      e.text =
        d.status === 'dismissed'
          ? t('conflicts.validation.dismissReason')
          : d.status === 'followed_up'
            ? t('conflicts.validation.followUpText')
            : d.status === 'handled'
              ? t('conflicts.validation.handledText')
              : t('conflicts.validation.stepText');
    }
    if (d.status === 'handled') {
      if (!d.handling) e.handling = t('conflicts.validation.handling');
      if (d.handling === 'trade_off' && !d.justification.trim())
        e.justification = t('conflicts.validation.justification');
    }
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate();
    if (Object.keys(problems).length > 0) {
      setErrors({ ...problems, form: t('conflicts.fixFields') });
      return;
    }
    if (!d.status) return;
    const handled = d.status === 'handled';
    const body: StepBody = {
      status: d.status,
      date: d.date,
      text: d.text.trim(),
      handling: handled && d.handling ? d.handling : null,
      justification: handled && d.handling === 'trade_off' ? d.justification.trim() : null,
      followUpIndicatorId: needsIndicator(d.status) && d.followUpIndicatorId ? d.followUpIndicatorId : null,
    };
    setBusy(true);
    try {
      const saved = unwrap(
        await api.POST('/api/v1/goal-conflicts/{id}/steps', {
          params: { path: { id: conflict.id }, header: { 'if-match': ifMatch(conflict.version) } },
          body,
        }),
      );
      const newest = [...saved.steps].sort((a, b) => b.sequence - a.sequence)[0];
      setErrors({});
      onSaved(saved, newest?.id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setErrors({ form: t('conflicts.steps.stale') });
        onStale();
      } else if (e instanceof ApiError && e.fieldErrors.length) {
        setErrors({
          ...fieldErrorMap(e.fieldErrors, (m) => translateConflictMessage(t, m, lang)),
          form: t('conflicts.fixFields'),
        });
      } else if (e instanceof ApiError) {
        setErrors({ form: t('conflicts.failed', { status: e.status }) });
      } else {
        setErrors({ form: t('problems.network') });
      }
    } finally {
      setBusy(false);
    }
  };

  const textLabel =
    d.status === 'dismissed'
      ? t('conflicts.steps.textDismissed')
      : d.status === 'followed_up'
        ? t('conflicts.steps.textFollowedUp')
        : d.status === 'handled'
          ? t('conflicts.steps.textHandled')
          : t('conflicts.steps.text');
  const indicatorList = [...(indicators.data ?? [])].sort((a, b) =>
    collatorFor(lang).compare(
      (lang.startsWith('en') ? a.title.en : a.title.sv) ?? a.id,
      (lang.startsWith('en') ? b.title.en : b.title.sv) ?? b.id,
    ),
  );

  return (
    <form
      className="form conflict-form step-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={labelledBy}
      data-testid="step-form"
    >
      {errors.form ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={formError}>
          {errors.form}
        </p>
      ) : null}
      <p className="field-hint">{t('conflicts.steps.formHint')}</p>
      <ChoiceGroup legend={t('conflicts.steps.status')} error={err('status')}>
        {(describedBy) =>
          allowed.map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name="step-status"
                value={s}
                checked={d.status === s}
                aria-describedby={describedBy}
                onChange={() => set({ status: s })}
              />
              <span>
                {t(`conflicts.statuses.${s}`)}{' '}
                <span className="choice-hint">– {t(`conflicts.statusHints.${s}`)}</span>
              </span>
            </label>
          ))
        }
      </ChoiceGroup>
      <FormField
        label={t('conflicts.steps.date')}
        error={err('date')}
        hint={
          latest
            ? t('conflicts.steps.dateHint', { date: formatDate(latest.date, lang) })
            : t('conflicts.steps.dateHintFirst')
        }
      >
        {(f) => (
          <input
            {...f}
            type="date"
            className="date-input"
            value={d.date}
            max={todayIso()}
            min={latest?.date}
            onChange={(e) => set({ date: e.target.value })}
          />
        )}
      </FormField>
      <FormField label={textLabel} error={err('text')}>
        {(f) => <textarea {...f} rows={4} value={d.text} onChange={(e) => set({ text: e.target.value })} />}
      </FormField>
      {d.status === 'handled' ? (
        <ChoiceGroup legend={t('conflicts.steps.handling')} error={err('handling')}>
          {(describedBy) =>
            (['measure', 'trade_off'] as const).map((h) => (
              <label key={h} className="choice">
                <input
                  type="radio"
                  name="step-handling"
                  value={h}
                  checked={d.handling === h}
                  aria-describedby={describedBy}
                  onChange={() => set({ handling: h })}
                />
                <span>
                  {t(`conflicts.handlings.${h}`)}{' '}
                  <span className="choice-hint">– {t(`conflicts.handlingHints.${h}`)}</span>
                </span>
              </label>
            ))
          }
        </ChoiceGroup>
      ) : null}
      {d.status === 'handled' && d.handling === 'trade_off' ? (
        <FormField
          label={t('conflicts.steps.justification')}
          hint={t('conflicts.steps.justificationHint')}
          error={err('justification')}
        >
          {(f) => (
            <textarea
              {...f}
              rows={3}
              value={d.justification}
              onChange={(e) => set({ justification: e.target.value })}
            />
          )}
        </FormField>
      ) : null}
      {needsIndicator(d.status) ? (
        <FormField
          label={t('conflicts.steps.followUpIndicatorOptional')}
          hint={t('conflicts.steps.followUpIndicatorHint')}
          error={err('followUpIndicatorId')}
        >
          {(f) => (
            <select
              {...f}
              value={d.followUpIndicatorId}
              onChange={(e) => set({ followUpIndicatorId: e.target.value })}
            >
              <option value="">{t('conflicts.steps.noIndicator')}</option>
              {indicatorList.map((i) => (
                <option key={i.id} value={i.id}>
                  {(lang.startsWith('en') ? (i.title.en ?? i.title.sv) : (i.title.sv ?? i.title.en)) ?? i.id}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('conflicts.steps.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('conflicts.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A group of radio buttons with its legend and its error tied to every choice. */
export function ChoiceGroup({
  legend,
  error,
  hint,
  children,
}: {
  legend: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'choice-group field-invalid' : 'choice-group'}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children(describedBy)}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
