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
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof problemSchema>;

export function problemBody(
  status: number,
  title: string,
  instance: string,
  detail?: string,
  errors?: FieldError[],
): Problem {
  return {
    type: 'about:blank',
    title,
    status,
    ...(detail ? { detail } : {}),
    instance,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Error responses documented on every route. */
export const problemResponses = { 400: problemSchema, 404: problemSchema } as const;
