import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Largest CSV file one import accepts; a larger upload is refused with 413 before or while it is read. */
export const IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Largest whole upload (every file of one import, with the multipart framing). */
export const IMPORT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * multipart/form-data for the CSV import only: files are streamed to the CSV parser, never buffered or written to
 * disk; at most one file per import type and no other fields.
 */
export async function enableMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: IMPORT_MAX_FILE_BYTES, files: 6, fields: 0, parts: 6, headerPairs: 50, fieldNameSize: 100 },
    throwFileSizeLimit: true,
  });
}
