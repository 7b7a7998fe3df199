import type { FastifyInstance } from 'fastify';
import { xlsxType } from './table-download.ts';

/** Uploads arrive as the file's raw bytes (whatever their type), up to maxBytes. */
export function acceptRawUploads(app: FastifyInstance, maxBytes: number) {
  for (const type of ['application/octet-stream', 'text/csv', xlsxType, 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: maxBytes }, (_r, body, done) =>
      done(null, body),
    );
  }
}
