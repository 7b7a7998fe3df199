/**
 * Errors as RFC 9457 problem details (application/problem+json). Throw an HttpProblem from any
 * handler or service; the app's error handler turns it (and validation errors) into a response.
 */
import { z } from 'zod';

export type FieldError = { field: string; message: string };

export class HttpProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail?: string,
    public readonly errors?: FieldError[],
    /** A stable machine-readable code the web app translates (e.g. VERSION_MISMATCH). */
    public readonly code?: string,
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);
export const unauthorized = (detail = 'Sign in to do this') =>
  new HttpProblem(401, 'Unauthorized', detail, undefined, 'SIGN_IN_REQUIRED');
export const forbidden = (detail: string) =>
  new HttpProblem(403, 'Forbidden', detail, undefined, 'FORBIDDEN');
export const conflict = (detail: string, code = 'CONFLICT') =>
  new HttpProblem(409, 'Conflict', detail, undefined, code);

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    code: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof problemSchema>;

export function problemBody(
  status: number,
  title: string,
  instance: string,
  detail?: string,
  errors?: FieldError[],
  code?: string,
): Problem {
  return {
    type: 'about:blank',
    title,
    status,
    ...(detail ? { detail } : {}),
    instance,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(code ? { code } : {}),
  };
}

/** Error responses documented on every route. */
export const problemResponses = { 400: problemSchema, 404: problemSchema } as const;
/** Error responses of routes that need a signed-in user with a role. */
export const protectedProblemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;
/** …and of routes that change a record under optimistic locking. */
export const writeProblemResponses = {
  ...protectedProblemResponses,
  409: problemSchema,
  412: problemSchema,
  428: problemSchema,
} as const;
