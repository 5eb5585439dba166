import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpenAPI3 } from 'openapi-typescript';
import { startTestApi, type TestApi } from '@test/support';

/**
 * The dashboard's API types (apps/web/src/api/schema.d.ts) are generated from the OpenAPI document the API
 * serves. This fails when the checked-in file no longer matches; `npm run web:api-types` regenerates it.
 */
const TYPES_FILE = resolve(__dirname, '../../apps/web/src/api/schema.d.ts');
const HEADER =
  "// Generated from the API's OpenAPI document by `npm run web:api-types` (test/web/api-types.e2e-spec.ts). Do not edit.\n\n";

describe('web API types', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('apps/web/src/api/schema.d.ts matches the OpenAPI document', async () => {
    const document = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as OpenAPI3;
    // openapi-typescript's parser is ESM-only: load it as ESM (jest runs with --experimental-vm-modules).
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    const generated = HEADER + astToString(await openapiTS(document, { alphabetize: true }));
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(TYPES_FILE, generated);
    let checkedIn = '';
    try {
      checkedIn = readFileSync(TYPES_FILE, 'utf8');
    } catch {
      // reported below
    }
    if (checkedIn !== generated) {
      throw new Error(
        'apps/web/src/api/schema.d.ts is stale (the OpenAPI document changed): run `npm run web:api-types` and commit the result',
      );
    }
  });
});
