import { useTranslation } from 'react-i18next';
import { getMunicipalities, getMunicipalityGeoJson } from '../../api/queries';
import { MunicipalityOverview } from '../../components/MunicipalityOverview';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { useApi } from '../../lib/useApi';

export function MunicipalityListPage() {
  const { t } = useTranslation();
  const data = useApi(() => Promise.all([getMunicipalityGeoJson(), getMunicipalities()]), []);

  return (
    <>
      <PageHeader title={t('municipalities.title')} lead={t('municipalities.lead')} />
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorMessage error={data.error} /> : null}
      {data.data ? <MunicipalityOverview geojson={data.data[0]} areas={data.data[1]} showSami /> : null}
    </>
  );
}
