/**
 * This part's write routes for the permission matrix (src/features/access/permission-matrix.int.test.ts):
 * [method, an example URL, the OpenAPI path template]. Anonymous requests must get 401.
 *
 * Not listed, on purpose: POST /api/v1/s3/meetings/{id}/registrations, the public registration
 * from the strength-area page (no sign-in; rate-limited, honeypot, consent version).
 */
const someId = '00000000-0000-4000-8000-000000000000';

export const meetingsWriteRoutes: ReadonlyArray<
  readonly ['POST' | 'PATCH' | 'PUT' | 'DELETE', string, string]
> = [
  ['POST', '/api/v1/s3/meetings', '/api/v1/s3/meetings'],
  ['PATCH', `/api/v1/s3/meetings/${someId}`, '/api/v1/s3/meetings/{id}'],
  ['DELETE', `/api/v1/s3/meetings/${someId}`, '/api/v1/s3/meetings/{id}'],
  ['POST', `/api/v1/s3/meetings/${someId}/inputs`, '/api/v1/s3/meetings/{id}/inputs'],
  ['PATCH', `/api/v1/s3/inputs/${someId}`, '/api/v1/s3/inputs/{id}'],
  ['DELETE', `/api/v1/s3/registrations/${someId}`, '/api/v1/s3/registrations/{id}'],
];
