import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { problemMessages } from '../../lib/problems';
import { type ActorDraft, ActorForm, bodyOf, draftOf } from './ActorForm';
import { useAreaChoices } from './useAreaChoices';

/** "Ny aktör": staff add an actor and land on its page. */
export function NewActorSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areas = useAreaChoices();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const create = async (d: ActorDraft) => {
    setErrors({});
    setBusy(true);
    try {
      const created = unwrap(await api.POST('/api/v1/actors', { body: bodyOf(d, true) }));
      navigate(`/aktorer/${created.id}`, { state: { created: true } });
    } catch (e) {
      setErrors(problemMessages(t, e));
      setBusy(false);
    }
  };

  return (
    <section className="section panel" aria-labelledby="new-actor">
      <h2 id="new-actor">{t('actors.add')}</h2>
      <ActorForm
        initial={draftOf()}
        canPublish
        areas={areas}
        errors={errors}
        busy={busy}
        submitLabel={t('actors.create')}
        onSubmit={create}
        onInvalid={setErrors}
      />
    </section>
  );
}
