/** The strength areas as the web app reads and writes them: vision, sub-areas, initiatives, logic. */
import { api, unwrap, unwrapEmpty } from '../../../api/client';
import type { paths } from '../../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type BodyOf<R> = R extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type AreaSummary = JsonOf<paths['/api/v1/s3/areas']['get']['responses'][200]>['items'][number];
export type Area = JsonOf<paths['/api/v1/s3/areas/{slug}']['get']['responses'][200]>;
export type SubArea = Area['subAreas'][number];
export type Initiative = JsonOf<paths['/api/v1/s3/initiatives/{id}']['get']['responses'][200]>;
export type InitiativeStatus = Initiative['status'];
export type LogicItem = Area['logic']['results'][number];
export type StepStatus = AreaSummary['steps'][number]['status'];
export type StepKey = AreaSummary['steps'][number]['step'];
export type VisionPatch = BodyOf<paths['/api/v1/s3/areas/{slug}/vision']['patch']>;
export type SubAreaInput = BodyOf<paths['/api/v1/s3/areas/{slug}/sub-areas']['post']>;
export type SubAreaPatch = BodyOf<paths['/api/v1/s3/sub-areas/{id}']['patch']>;
export type InitiativeInput = BodyOf<paths['/api/v1/s3/initiatives']['post']>;
export type InitiativePatch = BodyOf<paths['/api/v1/s3/initiatives/{id}']['patch']>;
export type LogicItemInput = BodyOf<paths['/api/v1/s3/areas/{slug}/logic-items']['post']>;
export type LogicItemPatch = BodyOf<paths['/api/v1/s3/logic-items/{id}']['patch']>;
export type SourceInput = JsonOf<paths['/api/v1/s3/inputs/{id}']['get']['responses'][200]>;
export type EffortOption = JsonOf<paths['/api/v1/efforts']['get']['responses'][200]>['items'][number];
export type EffortIndicatorChoice = JsonOf<
  paths['/api/v1/s3/effort-indicators']['get']['responses'][200]
>['items'][number];

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const listAreas = async (): Promise<AreaSummary[]> => unwrap(await api.GET('/api/v1/s3/areas')).items;

export const getArea = async (slug: string): Promise<Area> =>
  unwrap(await api.GET('/api/v1/s3/areas/{slug}', { params: { path: { slug } } }));

/** Changes (or, with version 0, makes) the vision; 412 when someone else saved meanwhile. */
export const saveVision = async (slug: string, version: number, body: VisionPatch) =>
  unwrap(
    await api.PATCH('/api/v1/s3/areas/{slug}/vision', {
      params: { path: { slug }, header: ifMatch(version) },
      body,
    }),
  );

export const createSubArea = async (slug: string, body: SubAreaInput) =>
  unwrap(await api.POST('/api/v1/s3/areas/{slug}/sub-areas', { params: { path: { slug } }, body }));

export const changeSubArea = async (id: string, version: number, body: SubAreaPatch) =>
  unwrap(
    await api.PATCH('/api/v1/s3/sub-areas/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  );

export const deleteSubArea = async (id: string, version: number) =>
  unwrapEmpty(
    await api.DELETE('/api/v1/s3/sub-areas/{id}', { params: { path: { id }, header: ifMatch(version) } }),
  );

export const getInitiative = async (id: string): Promise<Initiative> =>
  unwrap(await api.GET('/api/v1/s3/initiatives/{id}', { params: { path: { id } } }));

export const createInitiative = async (body: InitiativeInput): Promise<Initiative> =>
  unwrap(await api.POST('/api/v1/s3/initiatives', { body }));

export const changeInitiative = async (
  id: string,
  version: number,
  body: InitiativePatch,
): Promise<Initiative> =>
  unwrap(
    await api.PATCH('/api/v1/s3/initiatives/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  );

export const deleteInitiative = async (id: string, version: number) =>
  unwrapEmpty(
    await api.DELETE('/api/v1/s3/initiatives/{id}', { params: { path: { id }, header: ifMatch(version) } }),
  );

export const createLogicItem = async (slug: string, body: LogicItemInput) =>
  unwrap(await api.POST('/api/v1/s3/areas/{slug}/logic-items', { params: { path: { slug } }, body }));

export const changeLogicItem = async (id: string, version: number, body: LogicItemPatch) =>
  unwrap(
    await api.PATCH('/api/v1/s3/logic-items/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  );

export const deleteLogicItem = async (id: string, version: number) =>
  unwrapEmpty(
    await api.DELETE('/api/v1/s3/logic-items/{id}', { params: { path: { id }, header: ifMatch(version) } }),
  );

/** Input from a meeting (staff and viewers). */
export const getInput = async (id: string): Promise<SourceInput> =>
  unwrap(await api.GET('/api/v1/s3/inputs/{id}', { params: { path: { id } } }));

/** Efforts the reader may see whose words match (for the effort search). */
export const searchEfforts = async (q: string): Promise<EffortOption[]> =>
  unwrap(await api.GET('/api/v1/efforts', { params: { query: { q, limit: 20 } } })).items;

export const getEffortIndicators = async (effort: string): Promise<EffortIndicatorChoice[]> =>
  unwrap(await api.GET('/api/v1/s3/effort-indicators', { params: { query: { effort } } })).items;

/** Indicators of the indicator store (for measuring results and outputs). */
export const listIndicators = async () => unwrap(await api.GET('/api/v1/indicators')).items;
