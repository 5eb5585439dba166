import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  Environment,
  InvalidEnvironmentError,
  validateEnvironment,
  type EnvironmentWith,
  type RequiredVariable,
} from './environment';

export * from './environment';

/** The project root: where package.json lives, whether running from src or dist. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Reads and validates process.env: the only place the apps read the environment (each entry point, once). */
export function loadEnvironment<K extends RequiredVariable = never>(
  options: { require?: K[] } = {},
): EnvironmentWith<NoInfer<K>> {
  return validateEnvironment(process.env, options);
}

/**
 * PUBLIC_URL for `npm start`. With embedded PostgreSQL (the no-configuration path on one machine) it defaults to the
 * address the launcher serves; against a database of your own the installation is a real one, and its address
 * must be said.
 */
export function launcherPublicUrl(env: Environment): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL;
  if (!env.DATABASE_URL) return `http://localhost:${env.PORT}`;
  throw new InvalidEnvironmentError([
    'PUBLIC_URL: must be set when DATABASE_URL is (the address people open the dashboard at: links in emails start with it)',
  ]);
}
/**
 * Outside production a missing JWT_SECRET is replaced by a random one kept in .data/, so a
 * newcomer's `npm start` works without configuration and tokens survive restarts.
 */
export function resolveJwtSecret(env: Environment): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = resolve(projectRoot(), '.data', 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Prints the problem and exits: used by every process entry point. */
export function loadEnvironmentOrExit<K extends RequiredVariable = never>(
  options: { require?: K[] } = {},
): EnvironmentWith<NoInfer<K>> {
  return orExit(() => loadEnvironment(options));
}

/** Runs a check of the environment; an InvalidEnvironmentError is printed (naming the variable) and ends the process. */
export function orExit<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78);
    }
    throw error;
  }
}
