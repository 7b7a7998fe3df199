/**
 * Placeholder written by hand from docs/api-contract-v1-foundation.md.
 * Regenerate from the server's OpenAPI document with `npm run gen:api`.
 */
type LocalizedText = { sv: string | null; en: string | null };
type Population = { year: number; value: number; source: string } | null;
type Area = {
  code: string;
  type: 'municipality' | 'county' | 'sameby';
  name: string;
  regionCode: string;
  samiAdministrative: boolean | null;
  population: Population;
  geometry?: unknown;
};
type Json<T> = { content: { 'application/json': T } };

export interface paths {
  '/api/v1/areas': {
    get: {
      parameters: {
        query?: { type?: 'municipality' | 'county' | 'sameby'; geometry?: boolean; limit?: number; offset?: number };
      };
      responses: { 200: Json<{ items: Area[]; total: number; limit: number; offset: number }> };
    };
  };
  '/api/v1/areas/geojson': {
    get: {
      parameters: { query?: { type?: 'municipality' | 'county' | 'sameby' } };
      responses: {
        200: Json<{
          type: 'FeatureCollection';
          features: {
            type: 'Feature';
            id: string;
            properties: { code: string; name: string; type: string; population: number | null; populationYear: number | null };
            geometry: unknown;
          }[];
        }>;
      };
    };
  };
  '/api/v1/areas/{code}': {
    get: {
      parameters: { path: { code: string }; query?: { geometry?: boolean } };
      responses: {
        200: Json<
          Area & {
            relatedAreas: {
              code: string;
              name: string;
              type: 'municipality' | 'county' | 'sameby';
              relation: string | null;
              confidence: string;
              source: string | null;
            }[];
            populationSeries: { year: number; sex: 'total' | 'women' | 'men'; value: number; source: string }[];
          }
        >;
        404: { content: { 'application/problem+json': { type: string; title: string; status: number; detail?: string } } };
      };
    };
  };
  '/api/v1/steering': {
    get: {
      responses: {
        200: Json<{
          region: { code: string; name: string; authority: string };
          goal: { text: LocalizedText; source: string | null };
          documents: {
            id: string;
            key: string;
            kind: 'development_strategy' | 'goals_and_priorities' | 'smart_specialisation';
            title: LocalizedText;
            diarienummer: string;
            adoptedOn: string | null;
            adoptedBy: string | null;
            url: string | null;
          }[];
          priorities: { id: string; number: number; title: LocalizedText; description: LocalizedText }[];
          strengthAreas: { id: string; slug: string; name: LocalizedText; description: LocalizedText }[];
          nationalAreas: { code: number; title: LocalizedText }[];
        }>;
      };
    };
  };
  '/api/v1/sdgs': {
    get: {
      responses: {
        200: Json<{
          goals: { goal: number; title: LocalizedText; short: LocalizedText; targets: { id: string; title: LocalizedText }[] }[];
        }>;
      };
    };
  };
  '/api/v1/indicators/{id}/values': {
    get: {
      parameters: {
        path: { id: string };
        query?: { area?: string; sex?: 'total' | 'women' | 'men'; from?: number; to?: number };
      };
      responses: {
        200: Json<{
          indicator: { id: string; title: LocalizedText; unit: LocalizedText; source: string };
          values: { areaCode: string; year: number; sex: 'total' | 'women' | 'men'; value: number; source: string }[];
        }>;
      };
    };
  };
}
