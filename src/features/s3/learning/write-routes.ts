/**
 * This part's write routes for the permission matrix (src/features/access/permission-matrix.int.test.ts):
 * [method, an example URL, the OpenAPI path template]. Anonymous requests must get 401.
 */
const id = '00000000-0000-4000-8000-000000000000';

export const learningWriteRoutes: ReadonlyArray<
  readonly ['POST' | 'PATCH' | 'PUT' | 'DELETE', string, string]
> = [
  ['POST', '/api/v1/s3/lessons', '/api/v1/s3/lessons'],
  ['PATCH', `/api/v1/s3/lessons/${id}`, '/api/v1/s3/lessons/{id}'],
  ['DELETE', `/api/v1/s3/lessons/${id}`, '/api/v1/s3/lessons/{id}'],
  ['POST', '/api/v1/s3/priority-changes', '/api/v1/s3/priority-changes'],
  ['PATCH', `/api/v1/s3/priority-changes/${id}`, '/api/v1/s3/priority-changes/{id}'],
  ['DELETE', `/api/v1/s3/priority-changes/${id}`, '/api/v1/s3/priority-changes/{id}'],
];
