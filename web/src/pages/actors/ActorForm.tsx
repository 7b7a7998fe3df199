import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, Area } from '../../api/client';
import { FormField } from '../../components/FormField';
import { isOrganisationNumber, isWebAddress } from '../../lib/validate';
import { ACTOR_KINDS, ACTOR_LEVELS, type ActorKind, type ActorLevel } from './actorFields';

export type ActorDraft = {
  name: string;
  kind: ActorKind;
  level: ActorLevel;
  organisationNumber: string;
  areaCode: string;
  website: string;
  description: string;
  visibility: 'internal' | 'published';
};

export const draftOf = (a?: Actor): ActorDraft => ({
  name: a?.name ?? '',
  kind: a?.kind ?? 'company',
  level: a?.level ?? 'local',
  organisationNumber: a?.organisationNumber ?? '',
  areaCode: a?.areaCode ?? '',
  website: a?.website ?? '',
  description: a?.description ?? '',
  visibility: a?.visibility ?? 'internal',
});

/** The request body of a draft: empty optional fields become null; visibility only for staff. */
export function bodyOf(d: ActorDraft, canPublish: boolean) {
  return {
    name: d.name.trim(),
    kind: d.kind,
    level: d.level,
    organisationNumber: d.organisationNumber.trim() || null,
    areaCode: d.areaCode || null,
    website: d.website.trim() || null,
    description: d.description.trim() || null,
    ...(canPublish ? { visibility: d.visibility } : {}),
  };
}

export type AreaChoices = { municipalities: Area[]; samebyar: Area[] };

type Props = {
  initial: ActorDraft;
  canPublish: boolean;
  areas: AreaChoices;
  errors: Record<string, string>;
  busy?: boolean;
  submitLabel: string;
  onSubmit: (draft: ActorDraft) => void;
  /** Shows messages found before sending, in the same places as the API's. */
  onInvalid: (errors: Record<string, string>) => void;
};

/** The fields of an actor; the visibility only for those who may publish. */
export function ActorForm({
  initial,
  canPublish,
  areas,
  errors,
  busy,
  submitLabel,
  onSubmit,
  onInvalid,
}: Props) {
  const { t } = useTranslation();
  const [d, setD] = useState(initial);
  const set = (key: keyof ActorDraft) => (e: { target: { value: string } }) =>
    setD({ ...d, [key]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!d.name.trim()) problems.name = t('validation.required');
    if (d.organisationNumber.trim() && !isOrganisationNumber(d.organisationNumber.trim()))
      problems.organisationNumber = t('validation.organisationNumber');
    if (d.website.trim() && !isWebAddress(d.website.trim())) problems.website = t('validation.website');
    if (Object.keys(problems).length > 0) onInvalid({ ...problems, form: t('problems.fixFields') });
    else onSubmit(d);
  };

  return (
    <form className="form form-grid" onSubmit={submit} noValidate>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <FormField label={t('actors.name')} error={errors.name}>
        {(f) => <input {...f} value={d.name} onChange={set('name')} />}
      </FormField>
      <FormField label={t('actors.kind')} error={errors.kind}>
        {(f) => (
          <select {...f} value={d.kind} onChange={set('kind')}>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`actors.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('actors.level')} error={errors.level}>
        {(f) => (
          <select {...f} value={d.level} onChange={set('level')}>
            {ACTOR_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`actors.levels.${l}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={t('actors.organisationNumber')}
        hint={t('actors.organisationNumberHint')}
        error={errors.organisationNumber}
      >
        {(f) => (
          <input
            {...f}
            inputMode="numeric"
            autoComplete="off"
            value={d.organisationNumber}
            onChange={set('organisationNumber')}
          />
        )}
      </FormField>
      <FormField label={t('actors.areaCode')} error={errors.areaCode}>
        {(f) => (
          <select {...f} value={d.areaCode} onChange={set('areaCode')}>
            <option value="">{t('actors.noArea')}</option>
            <optgroup label={t('actors.municipalities')}>
              {areas.municipalities.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('actors.samebyar')}>
              {areas.samebyar.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </FormField>
      <FormField label={t('actors.website')} hint={t('actors.websiteHint')} error={errors.website}>
        {(f) => <input {...f} type="url" autoComplete="url" value={d.website} onChange={set('website')} />}
      </FormField>
      <FormField label={t('actors.description')} error={errors.description}>
        {(f) => <textarea {...f} rows={4} value={d.description} onChange={set('description')} />}
      </FormField>
      {canPublish ? (
        <FormField label={t('visibility.label')} hint={t('visibility.hint')} error={errors.visibility}>
          {(f) => (
            <select {...f} value={d.visibility} onChange={set('visibility')}>
              <option value="internal">{t('visibility.internal')}</option>
              <option value="published">{t('visibility.published')}</option>
            </select>
          )}
        </FormField>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
