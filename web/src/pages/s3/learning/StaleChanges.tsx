/**
 * Editing an entry someone else may change at the same time: only the fields the writer changed
 * are sent (so a save never reverts a colleague's edits to other fields), and after a 412 the
 * colleague's saved version is merged into the draft and shown — what they changed, with their
 * values.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A comparable form of a value: lists as sets, texts trimmed. */
const valueKey = (v: unknown) => {
  if (Array.isArray(v)) return JSON.stringify([...v].map(String).sort());
  if (typeof v === 'string') return JSON.stringify(v.trim());
  return JSON.stringify(v ?? null);
};

export const sameValue = (a: unknown, b: unknown) => valueKey(a) === valueKey(b);

/** The entries of `body` that differ from `original` (the body the stored version would give). */
export function changedOnly<B extends Record<string, unknown>>(body: B, original: B): Partial<B> {
  const out: Partial<B> = {};
  for (const k of Object.keys(body) as Array<keyof B>) {
    if (!sameValue(body[k], original[k])) out[k] = body[k];
  }
  return out;
}

export type Merge<D> = {
  /** Changed only by the colleague: taken over into the draft. */
  taken: Array<keyof D>;
  /** Changed by both: the writer's value stays; the colleague's may be taken instead. */
  both: Array<keyof D>;
  theirs: D;
};

/** Merges the colleague's saved version (`theirs`) into the writer's draft, both from `base`. */
export function mergeDrafts<D extends Record<string, unknown>>(
  mine: D,
  base: D,
  theirs: D,
): { draft: D; merge: Merge<D> } {
  const draft = { ...mine };
  const taken: Array<keyof D> = [];
  const both: Array<keyof D> = [];
  for (const k of Object.keys(base) as Array<keyof D>) {
    if (sameValue(base[k], theirs[k])) continue; // the colleague did not change it
    if (sameValue(mine[k], theirs[k])) continue; // the same change on both sides
    if (sameValue(mine[k], base[k])) {
      draft[k] = theirs[k];
      taken.push(k);
    } else both.push(k);
  }
  return { draft, merge: { taken, both, theirs } };
}

/** The colleague's changes with their values; a button per field both changed to take theirs. */
export function StaleChanges<D extends Record<string, unknown>>({
  merge,
  label,
  value,
  onUseTheirs,
}: {
  merge: Merge<D>;
  label: (k: keyof D) => string;
  /** The colleague's value of a field, for reading. */
  value: (k: keyof D, theirs: D) => ReactNode;
  onUseTheirs: (k: keyof D) => void;
}) {
  const { t } = useTranslation();
  if (merge.taken.length === 0 && merge.both.length === 0) return null;
  const shown = (k: keyof D) => {
    const v = value(k, merge.theirs);
    return v === '' || v === null ? t('s3Learning.form.staleEmpty') : v;
  };
  return (
    <section className="panel s3l-stale" aria-labelledby="s3l-stale-title" data-testid="s3l-stale">
      <h2 id="s3l-stale-title">{t('s3Learning.form.staleTitle')}</h2>
      {merge.taken.length > 0 ? (
        <>
          <p>{t('s3Learning.form.staleTaken')}</p>
          <ul data-testid="s3l-stale-taken">
            {merge.taken.map((k) => (
              <li key={String(k)}>
                <strong>{label(k)}:</strong> {shown(k)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {merge.both.length > 0 ? (
        <>
          <p>{t('s3Learning.form.staleBoth')}</p>
          <ul data-testid="s3l-stale-both">
            {merge.both.map((k) => (
              <li key={String(k)}>
                <strong>{label(k)}:</strong> {t('s3Learning.form.staleTheirs')} {shown(k)}{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => onUseTheirs(k)}
                >
                  {t('s3Learning.form.staleUseTheirs', { field: label(k) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
