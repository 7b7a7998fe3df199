/** Recognising PostgreSQL errors the same way on PGlite and node-postgres (Drizzle may wrap them). */
function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown) => pgCode(error) === '23505';
export const isForeignKeyViolation = (error: unknown) => pgCode(error) === '23503';
/** ON DELETE RESTRICT refused the delete (a row still names the one being removed). */
export const isRestrictViolation = (error: unknown) => pgCode(error) === '23001';

/**
 * PostgreSQL "data exception" errors (class 22): a value the database cannot take, such as a NUL
 * character in text, an out-of-range number or an impossible date. The request was bad, not
 * the server.
 */
export const isDataException = (error: unknown) => pgCode(error)?.startsWith('22') ?? false;
