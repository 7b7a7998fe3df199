import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ConflictsSubNav } from '../conflicts/ConflictsSubNav';

// Scaffolding: replaced by the page itself.
export function ConsultationFormPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('consultations.title')} />
      <ConflictsSubNav />
    </>
  );
}
