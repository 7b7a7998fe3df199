import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function IndicatorExplorerPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.followUp')} />;
}
