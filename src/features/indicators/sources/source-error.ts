/**
 * The error an indicator source (Kolada, SCB PxWeb) throws when it cannot give an answer at all:
 * the service cannot be reached, answers with an HTTP error, answers with something that is not
 * what its documentation describes, or the selection asked of it is not one it can answer. Rows
 * that can be read one by one are never errors: they go to the result's problems.
 */
export type SourceErrorCode =
  /** The service could not be reached (DNS, refused connection, timeout) even after retrying. */
  | 'NETWORK_UNREACHABLE'
  /** The service answered with an HTTP error status. */
  | 'SOURCE_HTTP_ERROR'
  /** The service answered, but not with the JSON its documentation describes. */
  | 'SOURCE_BAD_RESPONSE'
  /** The selection (KPIs, areas, years, table variables) cannot be imported as asked. */
  | 'BAD_SELECTION';

export class SourceError extends Error {
  override readonly name = 'SourceError';
  /** The HTTP status of the answer, for SOURCE_HTTP_ERROR. */
  readonly status: number | undefined;

  constructor(
    readonly code: SourceErrorCode,
    message: string,
    options: { cause?: unknown; status?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}
