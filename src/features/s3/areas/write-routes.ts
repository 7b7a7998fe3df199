/**
 * This part's write routes for the permission matrix (src/features/access/permission-matrix.int.test.ts):
 * [method, an example URL, the OpenAPI path template]. Anonymous requests must get 401.
 */
const id = '00000000-0000-4000-8000-000000000000';

export const areasWriteRoutes: ReadonlyArray<readonly ['POST' | 'PATCH' | 'PUT' | 'DELETE', string, string]> =
  [
    ['PATCH', '/api/v1/s3/areas/hallbar-energi/vision', '/api/v1/s3/areas/{slug}/vision'],
    ['POST', '/api/v1/s3/areas/hallbar-energi/sub-areas', '/api/v1/s3/areas/{slug}/sub-areas'],
    ['PATCH', `/api/v1/s3/sub-areas/${id}`, '/api/v1/s3/sub-areas/{id}'],
    ['DELETE', `/api/v1/s3/sub-areas/${id}`, '/api/v1/s3/sub-areas/{id}'],
    ['POST', '/api/v1/s3/initiatives', '/api/v1/s3/initiatives'],
    ['PATCH', `/api/v1/s3/initiatives/${id}`, '/api/v1/s3/initiatives/{id}'],
    ['DELETE', `/api/v1/s3/initiatives/${id}`, '/api/v1/s3/initiatives/{id}'],
    ['POST', '/api/v1/s3/areas/hallbar-energi/logic-items', '/api/v1/s3/areas/{slug}/logic-items'],
    ['PATCH', `/api/v1/s3/logic-items/${id}`, '/api/v1/s3/logic-items/{id}'],
    ['DELETE', `/api/v1/s3/logic-items/${id}`, '/api/v1/s3/logic-items/{id}'],
  ];
