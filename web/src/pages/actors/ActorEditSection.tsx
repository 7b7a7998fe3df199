import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Actor, ApiError, api, unwrap, unwrapEmpty } from '../../api/client';
import { problemMessages } from '../../lib/problems';
import { type ActorDraft, ActorForm, type AreaChoices, bodyOf, draftOf } from './ActorForm';

type Props = {
  actor: Actor;
  /** Editors and administrators: may publish and remove. Partners edit their own entry only. */
  staff: boolean;
  areas: AreaChoices;
  /** The text of the "saved" notice, kept by the page across reloads of the record. */
  notice: string | undefined;
  onSaved: () => void;
  onReload: () => void;
};

/** "Ändra uppgifter": the form with the record's version in If-Match, and removal for staff. */
export function ActorEditSection({ actor: a, staff, areas, notice, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const ifMatch = { 'if-match': `"${a.version}"` };
  const codes = { VERSION_MISMATCH: t('actors.stale'), IN_USE: t('actors.inUse') };

  // Focus follows the question: to it when asked, back to "Ta bort" when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) removeRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const fail = (e: unknown) => {
    setStale(e instanceof ApiError && e.status === 412);
    setErrors(problemMessages(t, e, codes));
  };

  const save = async (d: ActorDraft) => {
    setErrors({});
    setStale(false);
    setBusy(true);
    try {
      unwrap(
        await api.PATCH('/api/v1/actors/{id}', {
          params: { path: { id: a.id }, header: ifMatch },
          body: bodyOf(d, staff),
        }),
      );
      onSaved();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      unwrapEmpty(
        await api.DELETE('/api/v1/actors/{id}', { params: { path: { id: a.id }, header: ifMatch } }),
      );
      navigate('/aktorer', { state: { removed: a.name } });
    } catch (e) {
      setConfirming(false);
      fail(e);
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="edit-actor">
      <h2 id="edit-actor">{t('actors.edit')}</h2>
      <div role="status" className={notice ? 'form-ok' : undefined}>
        {notice}
      </div>
      {stale ? (
        <p>
          <button type="button" className="button button-secondary" onClick={onReload}>
            {t('actors.reload')}
          </button>
        </p>
      ) : null}
      <ActorForm
        // Saved or reloaded: the form starts again from the stored record.
        key={a.version}
        initial={draftOf(a)}
        canPublish={staff}
        areas={areas}
        errors={errors}
        busy={busy}
        submitLabel={t('actors.save')}
        onSubmit={save}
        onInvalid={setErrors}
      />
      {staff ? (
        <div className="danger-zone">
          {confirming ? (
            <div className="confirm">
              <p className="confirm-text" ref={confirmRef} tabIndex={-1}>
                {t('actors.confirmDelete', { name: a.name })}
              </p>
              <div className="form-actions">
                <button type="button" className="button button-danger" disabled={busy} onClick={remove}>
                  {t('actors.confirmDeleteYes')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirming(false)}
                >
                  {t('actors.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              ref={removeRef}
              type="button"
              className="button button-danger"
              onClick={() => setConfirming(true)}
            >
              {t('actors.delete')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
