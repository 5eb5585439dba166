import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Bodies smaller than this go out as they are: compressing them costs more CPU than it saves bytes. */
export const COMPRESS_ABOVE_BYTES = 1024;

/**
 * gzip/deflate for every compressible response (the API's JSON, the dashboard's HTML and assets) when the
 * client asks for it. Brotli is left out: at its default quality it costs several times gzip's CPU per
 * response, and the API shares two cores with PostgreSQL. Must be registered before any route.
 */
export async function enableCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(compress, { encodings: ['gzip', 'deflate'], threshold: COMPRESS_ABOVE_BYTES });
}
