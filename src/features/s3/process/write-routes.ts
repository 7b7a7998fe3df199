/**
 * This part's write routes for the permission matrix (src/features/access/permission-matrix.int.test.ts):
 * [method, an example URL, the OpenAPI path template]. Anonymous requests must get 401.
 */
export const processWriteRoutes: ReadonlyArray<
  readonly ['POST' | 'PATCH' | 'PUT' | 'DELETE', string, string]
> = [
  ['PUT', '/api/v1/s3/areas/hallbar-energi/steps/analysis', '/api/v1/s3/areas/{slug}/steps/{step}'],
  ['POST', '/api/v1/s3/areas/hallbar-energi/assessments', '/api/v1/s3/areas/{slug}/assessments'],
  ['DELETE', '/api/v1/s3/assessments/00000000-0000-4000-8000-000000000000', '/api/v1/s3/assessments/{id}'],
];
