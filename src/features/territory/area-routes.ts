import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, problemResponses } from '../../server/problem.ts';
import { paginate, paginationQuery } from '../../shared/text.ts';
import {
  areaDetailSchema,
  areaListSchema,
  areaTypeSchema,
  booleanQuery,
  featureCollectionSchema,
} from './area-schemas.ts';
import { findArea, findAreas } from './find-areas.ts';

export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const regionCode = app.config.regionCode;

  app.get(
    '/areas',
    {
      schema: {
        tags: ['territory'],
        summary: 'List areas: the county, its municipalities and the samebyar',
        querystring: z.object({
          type: areaTypeSchema.optional(),
          geometry: booleanQuery.optional().describe('Include GeoJSON geometry'),
          ...paginationQuery,
        }),
        response: { 200: areaListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { type, geometry, limit, offset } = request.query;
      const all = await findAreas(db, regionCode, { type, withGeometry: geometry ?? false });
      return paginate(all, limit, offset);
    },
  );

  app.get(
    '/areas/geojson',
    {
      schema: {
        tags: ['territory'],
        summary: 'Areas with geometry as a GeoJSON FeatureCollection (for maps)',
        querystring: z.object({ type: areaTypeSchema.default('municipality') }),
        response: { 200: featureCollectionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const all = await findAreas(db, regionCode, { type: request.query.type, withGeometry: true });
      reply.type('application/geo+json');
      return {
        type: 'FeatureCollection' as const,
        features: all.flatMap((a) =>
          a.geometry
            ? [
                {
                  type: 'Feature' as const,
                  id: a.code,
                  properties: {
                    code: a.code,
                    name: a.name,
                    type: a.type,
                    population: a.population?.value ?? null,
                    populationYear: a.population?.year ?? null,
                  },
                  geometry: a.geometry,
                },
              ]
            : [],
        ),
      };
    },
  );

  app.get(
    '/areas/:code',
    {
      schema: {
        tags: ['territory'],
        summary: 'One area with its related areas and population series',
        params: z.object({ code: z.string().min(1).max(100) }),
        querystring: z.object({ geometry: booleanQuery.optional().describe('Include GeoJSON geometry') }),
        response: { 200: areaDetailSchema, ...problemResponses },
      },
    },
    async (request) => {
      const area = await findArea(db, regionCode, request.params.code, request.query.geometry ?? false);
      if (!area) throw notFound(`No area with code "${request.params.code}" in region ${regionCode}`);
      return area;
    },
  );
};
