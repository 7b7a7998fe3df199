/** The six steps and the self-assessments (RIS3 assessment wheel) as the web app reads and writes them. */
import { api, unwrap, unwrapEmpty } from '../../../api/client';
import type { paths } from '../../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Steps = paths['/api/v1/s3/areas/{slug}/steps'];
type OneStep = paths['/api/v1/s3/areas/{slug}/steps/{step}'];
type Assessments = paths['/api/v1/s3/areas/{slug}/assessments'];

export type Framework = JsonOf<paths['/api/v1/s3/assessment-framework']['get']['responses'][200]>;
export type FrameworkStep = Framework['steps'][number];
export type StepsResponse = JsonOf<Steps['get']['responses'][200]>;
export type Step = StepsResponse['items'][number];
export type StepKey = Step['step'];
export type StepStatus = Step['status'];
export type StepInput = NonNullable<OneStep['put']['requestBody']>['content']['application/json'];
export type Assessment = JsonOf<Assessments['get']['responses'][200]>['items'][number];
export type AssessmentInput = NonNullable<Assessments['post']['requestBody']>['content']['application/json'];

export const getFramework = async (): Promise<Framework> =>
  unwrap(await api.GET('/api/v1/s3/assessment-framework'));

export const getSteps = async (slug: string): Promise<StepsResponse> =>
  unwrap(await api.GET('/api/v1/s3/areas/{slug}/steps', { params: { path: { slug } } }));

/** Records a step in full; `version` is the one read (0: no record yet), sent as If-Match. */
export const putStep = async (slug: string, step: StepKey, version: number, body: StepInput): Promise<Step> =>
  unwrap(
    await api.PUT('/api/v1/s3/areas/{slug}/steps/{step}', {
      params: { path: { slug, step }, header: { 'if-match': `"${version}"` } },
      body,
    }),
  );

/** Newest first. */
export const getAssessments = async (slug: string): Promise<Assessment[]> =>
  unwrap(await api.GET('/api/v1/s3/areas/{slug}/assessments', { params: { path: { slug }, query: {} } }))
    .items;

export const createAssessment = async (slug: string, body: AssessmentInput): Promise<Assessment> =>
  unwrap(await api.POST('/api/v1/s3/areas/{slug}/assessments', { params: { path: { slug } }, body }));

export const deleteAssessment = async (id: string): Promise<void> =>
  unwrapEmpty(await api.DELETE('/api/v1/s3/assessments/{id}', { params: { path: { id } } }));

/** The address of the assessments as a file. */
export const assessmentsDownloadUrl = (slug: string, format: 'csv' | 'xlsx') =>
  `/api/v1/s3/areas/${encodeURIComponent(slug)}/assessments?format=${format}`;
