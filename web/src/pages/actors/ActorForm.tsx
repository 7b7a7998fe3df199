import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ACTOR_KINDS, ACTOR_LEVELS, type ActorKind, type ActorLevel } from './actorFields';

export type ActorDraft = {
  name: string;
  kind: ActorKind;
  level: ActorLevel;
  organisationNumber: string;
  website: string;
  description: string;
  visibility: 'internal' | 'published';
};

export const draftOf = (a?: Actor): ActorDraft => ({
  name: a?.name ?? '',
  kind: a?.kind ?? 'company',
  level: a?.level ?? 'local',
  organisationNumber: a?.organisationNumber ?? '',
  website: a?.website ?? '',
  description: a?.description ?? '',
  visibility: a?.visibility ?? 'internal',
});

type Props = {
  initial: ActorDraft;
  canPublish: boolean;
  errors: Record<string, string>;
  submitLabel: string;
  onSubmit: (draft: ActorDraft) => void;
};

/** The fields of an actor; the visibility only for those who may publish. */
export function ActorForm({ initial, canPublish, errors, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [d, setD] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(d);
  };
  return (
    <form className="form form-grid" onSubmit={submit} noValidate>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <FormField label={t('actors.name')} error={errors.name}>
        {(f) => <input {...f} value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />}
      </FormField>
      <FormField label={t('actors.kind')} error={errors.kind}>
        {(f) => (
          <select {...f} value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as ActorKind })}>
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
          <select
            {...f}
            value={d.level}
            onChange={(e) => setD({ ...d, level: e.target.value as ActorLevel })}
          >
            {ACTOR_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`actors.levels.${l}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('actors.organisationNumber')} hint="NNNNNN-NNNN" error={errors.organisationNumber}>
        {(f) => (
          <input
            {...f}
            value={d.organisationNumber}
            onChange={(e) => setD({ ...d, organisationNumber: e.target.value })}
          />
        )}
      </FormField>
      <FormField label={t('actors.website')} error={errors.website}>
        {(f) => (
          <input
            {...f}
            type="url"
            value={d.website}
            onChange={(e) => setD({ ...d, website: e.target.value })}
          />
        )}
      </FormField>
      <FormField label={t('actors.description')} error={errors.description}>
        {(f) => (
          <textarea
            {...f}
            rows={4}
            value={d.description}
            onChange={(e) => setD({ ...d, description: e.target.value })}
          />
        )}
      </FormField>
      {canPublish ? (
        <FormField label={t('visibility.label')} error={errors.visibility}>
          {(f) => (
            <select
              {...f}
              value={d.visibility}
              onChange={(e) => setD({ ...d, visibility: e.target.value as ActorDraft['visibility'] })}
            >
              <option value="internal">{t('visibility.internal')}</option>
              <option value="published">{t('visibility.published')}</option>
            </select>
          )}
        </FormField>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
