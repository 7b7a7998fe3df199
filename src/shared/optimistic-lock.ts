/**
 * Optimistic locking over HTTP: a record's version is its ETag; a change must send the version it
 * read in If-Match. No If-Match → 428; another version → 412 (someone else saved in between).
 */
import { HttpProblem } from '../server/problem.ts';

export const etagFor = (version: number) => `"${version}"`;

export function versionFromIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') {
    throw new HttpProblem(
      428,
      'Precondition Required',
      'Send the version you read in the If-Match header (the ETag of the record)',
      undefined,
      'IF_MATCH_REQUIRED',
    );
  }
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(value);
  if (!match) {
    throw new HttpProblem(400, 'Bad Request', 'If-Match must be the record\'s ETag, e.g. "3"', [
      { field: 'headers.if-match', message: 'must be an ETag such as "3"' },
    ]);
  }
  return Number(match[1]);
}

export function versionMismatch(current: number) {
  return new HttpProblem(
    412,
    'Precondition Failed',
    `Someone else changed this record (now version ${current}); reload it and make your change again`,
    undefined,
    'VERSION_MISMATCH',
  );
}
