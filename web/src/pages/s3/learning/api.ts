/** The learning log and the participation measures as the web app reads and writes them. */
import { api, unwrap, unwrapEmpty } from '../../../api/client';
import type { paths } from '../../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type LessonOne = paths['/api/v1/s3/lessons/{id}'];
type LessonMany = paths['/api/v1/s3/lessons'];
type ChangeOne = paths['/api/v1/s3/priority-changes/{id}'];
type ChangeMany = paths['/api/v1/s3/priority-changes'];

export type Lesson = JsonOf<LessonOne['get']['responses'][200]>;
export type LessonInput = NonNullable<LessonMany['post']['requestBody']>['content']['application/json'];
export type Change = JsonOf<ChangeOne['get']['responses'][200]>;
export type ChangeInput = NonNullable<ChangeMany['post']['requestBody']>['content']['application/json'];
export type ChangeKind = Change['kind'];
export type LogEntry = JsonOf<paths['/api/v1/s3/learning-log']['get']['responses'][200]>['items'][number];
export type Participation = JsonOf<paths['/api/v1/s3/participation']['get']['responses'][200]>;
export type ParticipationPeriod = Participation['periods'][number];
export type MeetingOption = JsonOf<paths['/api/v1/s3/meetings']['get']['responses'][200]>['items'][number];

const area = (slug: string | undefined) => (slug ? { area: slug } : {});

export const getLog = async (slug?: string) =>
  unwrap(await api.GET('/api/v1/s3/learning-log', { params: { query: area(slug) } }));

export const listLessons = async (slug?: string): Promise<Lesson[]> =>
  unwrap(await api.GET('/api/v1/s3/lessons', { params: { query: area(slug) } })).items;

export const listChanges = async (slug?: string): Promise<Change[]> =>
  unwrap(await api.GET('/api/v1/s3/priority-changes', { params: { query: area(slug) } })).items;

export const getLesson = async (id: string): Promise<Lesson> =>
  unwrap(await api.GET('/api/v1/s3/lessons/{id}', { params: { path: { id } } }));

export const getChange = async (id: string): Promise<Change> =>
  unwrap(await api.GET('/api/v1/s3/priority-changes/{id}', { params: { path: { id } } }));

export const createLesson = async (body: LessonInput): Promise<Lesson> =>
  unwrap(await api.POST('/api/v1/s3/lessons', { body }));

export const changeLesson = async (
  id: string,
  version: number,
  body: Partial<LessonInput>,
): Promise<Lesson> =>
  unwrap(
    await api.PATCH('/api/v1/s3/lessons/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
      body,
    }),
  );

export const deleteLesson = async (id: string, version: number): Promise<void> =>
  unwrapEmpty(
    await api.DELETE('/api/v1/s3/lessons/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
    }),
  );

export const createChange = async (body: ChangeInput): Promise<Change> =>
  unwrap(await api.POST('/api/v1/s3/priority-changes', { body }));

export const changeChange = async (
  id: string,
  version: number,
  body: Partial<ChangeInput>,
): Promise<Change> =>
  unwrap(
    await api.PATCH('/api/v1/s3/priority-changes/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
      body,
    }),
  );

export const deleteChange = async (id: string, version: number): Promise<void> =>
  unwrapEmpty(
    await api.DELETE('/api/v1/s3/priority-changes/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
    }),
  );

/** The meetings the reader may see, newest first (the source meetings of a lesson). */
export const listMeetings = async (): Promise<MeetingOption[]> => {
  const items = unwrap(await api.GET('/api/v1/s3/meetings', { params: { query: {} } })).items;
  return [...items].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
};

export const getParticipation = async (slug: string | undefined, period: 'year' | 'half') =>
  unwrap(await api.GET('/api/v1/s3/participation', { params: { query: { ...area(slug), period } } }));

/** A download link for one of the tables (?format=csv|xlsx). */
export function downloadUrl(
  path: '/api/v1/s3/lessons' | '/api/v1/s3/priority-changes' | '/api/v1/s3/participation',
  format: 'csv' | 'xlsx',
  query: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return `${path}?${params.toString()}`;
}
