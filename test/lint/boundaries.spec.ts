import { resolve } from 'node:path';
import { ESLint } from 'eslint';

/**
 * The rules of eslint.config.mjs bite: each snippet, linted as if it lived at `path`, yields exactly the expected
 * rule ids (none for the allowed ones). The paths need not exist; imports resolve against the real tree.
 */
const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(path: string, code: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result.messages.map((message) => message.ruleId);
}

const ZONE = 'import-x/no-restricted-paths';

describe('lint: boundaries between the parts', () => {
  it.each([
    ['a lib imports an app', 'libs/domain/src/x.ts', "import { createApiApp } from '../../../apps/api/src/bootstrap';"],
    [
      'a platform lib imports an app',
      'libs/database/src/x.ts',
      "import { WorkerModule } from '../../../apps/worker/src/worker.module';",
    ],
    ['the worker imports the API', 'apps/worker/src/x.ts', "import { createLogger } from '../../api/src/bootstrap';"],
    [
      'the API imports the worker',
      'apps/api/src/x.ts',
      "import { WorkerModule } from '../../worker/src/worker.module';",
    ],
    [
      'the launcher imports an app module',
      'apps/launcher/src/x.ts',
      "import { ApiModule } from '../../api/src/api.module';",
    ],
    ['web imports a lib by path', 'apps/web/src/x.ts', "import { Clock } from '../../../libs/domain/src';"],
    ['web imports the API', 'apps/web/src/x.ts', "import { ApiModule } from '../../api/src/api.module';"],
    [
      'production code imports the test helpers (alias)',
      'apps/api/src/x.ts',
      "import { eventually } from '@test/support';",
    ],
    [
      'a lib imports the test helpers (alias)',
      'libs/domain/src/x.ts',
      "import { startSmtpSink } from '@test/support';",
    ],
    [
      'a lib imports a test helper (path)',
      'libs/queue/src/x.ts',
      "import { createTestDatabase } from '../../../test/support/test-database';",
    ],
    ['the domain imports the queue lib', 'libs/domain/src/x.ts', "import { QueueModule } from '@app/queue';"],
    ['the domain imports the auth lib', 'libs/domain/src/x.ts', "import { AuthModule } from '@app/auth';"],
    [
      'libs/database imports the domain beyond its entity registry',
      'libs/database/src/x.ts',
      "import { Clock } from '@app/domain';",
    ],
    ['libs/config imports another lib', 'libs/config/src/x.ts', "import { appDatabaseUrl } from '@app/database';"],
    ['libs/platform imports the domain', 'libs/platform/src/x.ts', "import { Clock } from '@app/domain';"],
  ])('%s: %s', async (_case, path, code) => {
    expect(await ruleIds(path, code)).toEqual([ZONE]);
  });

  it.each([
    [
      'web imports the domain by alias',
      'apps/web/src/x.tsx',
      "import { Clock } from '@app/domain';\nexport const A = () => <p>{String(Clock)}</p>;",
    ],
    ['web imports a server package', 'apps/web/src/x.ts', "import { Injectable } from '@nestjs/common';"],
    ['web imports typeorm', 'apps/web/src/x.ts', "import { DataSource } from 'typeorm';"],
    [
      'a lib spec boots the API',
      'libs/domain/src/x.integration-spec.ts',
      "import { startTestApi } from '@test/support';",
    ],
  ])('%s: %s', async (_case, path, code) => {
    expect(await ruleIds(path, code)).toEqual(['no-restricted-imports']);
  });

  it.each([
    [
      'an app imports libs',
      'apps/api/src/x.ts',
      "import { Clock } from '@app/domain';\nimport { appDatabaseUrl } from '@app/database';\nimport { QueueName } from '@app/queue';\nimport { ApiModule } from './api.module';",
    ],
    [
      'auth and queue build on the domain',
      'libs/queue/src/x.ts',
      "import { DriftJobs } from '@app/domain';\nimport { Db } from '@app/database/transaction';",
    ],
    [
      'libs/database reads the entity registry',
      'libs/database/src/x.ts',
      "import { ENTITIES } from '../../domain/src/entities';",
    ],
    [
      'a lib spec uses test-database helpers',
      'libs/database/src/x.integration-spec.ts',
      "import { adminQuery, withDatabase } from '@test/support';",
    ],
    [
      'an e2e spec boots both apps',
      'test/x.e2e-spec.ts',
      "import { startTestApi, startTestWorker } from '@test/support';\nimport { WorkerModule } from '../apps/worker/src/worker.module';",
    ],
    [
      'web imports its own modules',
      'apps/web/src/x.tsx',
      "import { useState } from 'react';\nimport { api } from './api/client';\nexport const A = () => <p>{String(useState)}{String(api)}</p>;",
    ],
  ])('allowed: %s', async (_case, path, code) => {
    expect(await ruleIds(path, code)).toEqual([]);
  });
});

describe('lint: no dependency internals', () => {
  it.each([
    [
      'reads an underscore member',
      'libs/database/src/x.ts',
      'export const fd = (socket: any) => socket._handle.fd;',
      'no-restricted-syntax',
    ],
    [
      'reads an underscore member by key',
      'apps/worker/src/x.ts',
      "export const events = (emitter: any) => emitter['_events'];",
      'no-restricted-syntax',
    ],
    [
      'destructures an underscore member',
      'libs/domain/src/x.ts',
      'export const fd = (socket: any) => { const { _handle } = socket; return _handle; };',
      'no-restricted-syntax',
    ],
    [
      'patches a prototype method',
      'libs/domain/src/x.ts',
      'Array.prototype.at = () => undefined;',
      'no-restricted-syntax',
    ],
    [
      'replaces a prototype',
      'libs/domain/src/x.ts',
      'declare class Foo {}\nFoo.prototype = Object.create(null);',
      'no-restricted-syntax',
    ],
    [
      'patches an imported module',
      'apps/api/src/x.ts',
      "import nodemailer from 'nodemailer';\nnodemailer.createTransport = () => { throw new Error('no'); };",
      'throughline/no-patching-dependencies',
    ],
    [
      'redefines a member of an imported class',
      'libs/database/src/x.ts',
      "import { Client } from 'pg';\nObject.defineProperty(Client, 'query', { value: () => undefined });",
      'throughline/no-patching-dependencies',
    ],
  ])('%s: %s', async (_case, path, code, rule) => {
    expect(await ruleIds(path, code)).toEqual([rule]);
  });

  it('patching a prototype of an imported class trips both rules', async () => {
    const code = "import { Socket } from 'node:net';\nSocket.prototype.write = () => true;";
    expect((await ruleIds('libs/domain/src/x.ts', code)).sort()).toEqual([
      'no-restricted-syntax',
      'throughline/no-patching-dependencies',
    ]);
  });

  it('allows our own objects: a private field, a mutable module of ours', async () => {
    const code =
      "import { ENTITIES } from './entities';\nimport { Db } from '@app/database/transaction';\nexport class A { private _n = 0; next() { return ++this._n; } }\nENTITIES.length = 0;\n(Db as any).shared = true;";
    expect(await ruleIds('libs/domain/src/x.ts', code)).toEqual([]);
  });
});

describe('lint: tests', () => {
  it('a committed .only fails', async () => {
    expect(await ruleIds('test/api/x.e2e-spec.ts', "describe.only('x', () => undefined);")).toEqual([
      'no-restricted-properties',
    ]);
  });
});
