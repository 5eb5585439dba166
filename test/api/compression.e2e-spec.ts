import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startTestApi, type TestApi } from '@test/support';
import { COMPRESS_ABOVE_BYTES } from '../../apps/api/src/http/compression';

/** Raw HTTP (no automatic decompression), so the test sees exactly the bytes and headers on the wire. */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('response compression', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('gzips a large JSON response when the client accepts gzip, and the body is the same JSON', async () => {
    const plain = await get(`${api.baseUrl}/api/docs-json`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(50_000);

    const zipped = await get(`${api.baseUrl}/api/docs-json`, { 'accept-encoding': 'gzip' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(String(zipped.headers['content-type'])).toMatch(/^application\/json/);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('leaves a small JSON response uncompressed', async () => {
    const health = await get(`${api.baseUrl}/api/health`, { 'accept-encoding': 'gzip' });
    expect(health.status).toBe(200);
    expect(health.body.length).toBeLessThan(COMPRESS_ABOVE_BYTES);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ status: expect.any(String) });
  });

  it('still serves the dashboard and its script, compressed on request', async () => {
    const index = await get(`${api.baseUrl}/`, { 'accept-encoding': 'gzip' });
    expect(index.status).toBe(200);
    const html =
      index.headers['content-encoding'] === 'gzip'
        ? gunzipSync(index.body).toString('utf8')
        : index.body.toString('utf8');
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await get(`${api.baseUrl}${script}`, { 'accept-encoding': 'gzip' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(String(asset.headers['content-type'])).toMatch(/javascript/);
    expect(gunzipSync(asset.body).length).toBeGreaterThan(asset.body.length);
  });
});
