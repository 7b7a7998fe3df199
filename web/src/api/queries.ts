import {
  type Area,
  type AreaDetail,
  type AreaGeoJson,
  api,
  type IndicatorValues,
  type SdgResponse,
  type SteeringResponse,
  unwrap,
} from './client';

/** Small in-memory cache: reference data changes rarely and several pages share it. */
const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit as Promise<T>;
  const p = load();
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  return p;
}

export const getSteering = (): Promise<SteeringResponse> =>
  cached('steering', async () => unwrap(await api.GET('/api/v1/steering')));

export const getSdgs = (): Promise<SdgResponse> =>
  cached('sdgs', async () => unwrap(await api.GET('/api/v1/sdgs')));

export const getMunicipalities = (): Promise<Area[]> =>
  cached('municipalities', async () => {
    const res = unwrap(
      await api.GET('/api/v1/areas', { params: { query: { type: 'municipality', limit: 500 } } }),
    );
    return res.items;
  });

export const getMunicipalityGeoJson = (): Promise<AreaGeoJson> =>
  cached('geojson:municipality', async () =>
    unwrap(await api.GET('/api/v1/areas/geojson', { params: { query: { type: 'municipality' } } })),
  );

export const getArea = (code: string): Promise<AreaDetail> =>
  cached(`area:${code}`, async () =>
    unwrap(await api.GET('/api/v1/areas/{code}', { params: { path: { code } } })),
  );

export const getPopulationValues = (area: string): Promise<IndicatorValues> =>
  cached(`population:${area}`, async () =>
    unwrap(
      await api.GET('/api/v1/indicators/{id}/values', {
        params: { path: { id: 'population' }, query: { area } },
      }),
    ),
  );

export const getSamebyar = (): Promise<Area[]> =>
  cached('samebyar', async () => {
    const res = unwrap(await api.GET('/api/v1/areas', { params: { query: { type: 'sameby', limit: 500 } } }));
    return res.items;
  });
