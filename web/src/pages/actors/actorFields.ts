import type { TFunction } from 'i18next';

export const ACTOR_KINDS = [
  'municipality',
  'region',
  'government_agency',
  'company',
  'university',
  'sameby',
  'sami_organisation',
  'association',
  'other',
] as const;
export const ACTOR_LEVELS = ['local', 'regional', 'national', 'eu'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ActorLevel = (typeof ACTOR_LEVELS)[number];

/** The label of an actor field, as in the form (for the change history). */
export function actorFieldLabel(t: TFunction, field: string): string {
  const key = field === 'visibility' ? 'visibility.label' : `actors.${field}`;
  return t(key, { defaultValue: field });
}

/** An actor field's value as a reader sees it (translated kinds, levels and visibility). */
export function actorFieldValue(
  t: TFunction,
  field: string,
  value: unknown,
  areaName: (code: string) => string | undefined,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (field === 'kind') return t(`actors.kinds.${value}`, { defaultValue: value });
  if (field === 'level') return t(`actors.levels.${value}`, { defaultValue: value });
  if (field === 'visibility') return t(`visibility.${value}`, { defaultValue: value });
  if (field === 'areaCode') return areaName(value) ?? value;
  return undefined;
}
