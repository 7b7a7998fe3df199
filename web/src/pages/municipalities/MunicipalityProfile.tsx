import { useTranslation } from 'react-i18next';
import type { AreaGeoJson } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorMessage, Loading } from '../../components/Status';
import { useApi } from '../../lib/useApi';
import { type AreaProfile, getProfile } from '../territory/api';
import { PeriodFields } from '../territory/PeriodFields';
import { defaultPeriod, usePeriodParams } from '../territory/period';
import { useKeptData } from '../territory/useKeptData';
import { KeyIndicators } from './KeyIndicators';
import { ProfileDevelopment } from './ProfileDevelopment';
import { ProfileEfforts } from './ProfileEfforts';
import '../territory/territory.css';

export type ProfileState = ReturnType<typeof useMunicipalityProfile>;

/** Loads the area's profile for the period in the address (?from=&to=), again after sign-in. */
export function useMunicipalityProfile(code: string) {
  const { session } = useSession();
  const [period, setPeriod] = usePeriodParams();
  const signedIn = session?.user?.id ?? '';
  const state = useApi(() => getProfile(code, period), [code, period.from, period.to, signedIn]);
  const { data, refreshing } = useKeptData(state);
  const shownPeriod = data?.period ?? {
    from: period.from ?? defaultPeriod().from,
    to: period.to ?? defaultPeriod().to,
  };
  return {
    error: state.status === 'error' ? state.error : undefined,
    data,
    refreshing,
    shownPeriod,
    setPeriod,
  };
}

/**
 * The efforts and money that reach the municipality in a period (with the period's selects),
 * against the county, and its flags.
 */
export function ProfileEffortsSection({
  profile,
  name,
  geojson,
}: {
  profile: ProfileState;
  name: string;
  geojson: AreaGeoJson | undefined;
}) {
  const { t } = useTranslation();
  const { data, error, refreshing, shownPeriod, setPeriod } = profile;
  return (
    <section
      className="section tight profile-money"
      aria-labelledby="profile-efforts-title"
      aria-busy={refreshing}
      data-testid="profile-efforts-section"
    >
      <h2 id="profile-efforts-title">{t('territory.profile.effortsTitle', { name })}</h2>
      <form
        className="profile-period"
        aria-label={t('territory.period.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <PeriodFields value={shownPeriod} onChange={setPeriod} />
        <p className="source-note">{t('territory.profile.periodNote')}</p>
      </form>
      <p className="visually-hidden" role="status">
        {refreshing ? t('territory.updating') : ''}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? <ProfileEfforts profile={data} populationShare={shareOfCounty(geojson, data)} /> : null}
    </section>
  );
}

/** Key indicators and the development where efforts work (full width under the profile grid). */
export function ProfileIndicatorsAndDevelopment({ profile }: { profile: ProfileState }) {
  if (!profile.data) return null;
  return (
    <>
      <KeyIndicators profile={profile.data} />
      <ProfileDevelopment profile={profile.data} />
    </>
  );
}

/** The municipality's share of the county's population, from the map data (latest year). */
function shareOfCounty(geojson: AreaGeoJson | undefined, profile: AreaProfile): number | null {
  if (!geojson) return null;
  const features = geojson.features.filter((f) => f.properties.type === 'municipality');
  const total = features.reduce((s, f) => s + (f.properties.population ?? 0), 0);
  const own = features.find((f) => String(f.properties.code) === profile.area.code)?.properties.population;
  return total > 0 && own != null ? (100 * own) / total : null;
}
