/**
 * This part's write routes for the permission matrix (src/features/access/permission-matrix.int.test.ts):
 * [method, an example URL, the OpenAPI path template]. Anonymous requests must get 401.
 */
export const processWriteRoutes: ReadonlyArray<
  readonly ['POST' | 'PATCH' | 'PUT' | 'DELETE', string, string]
> = [];
