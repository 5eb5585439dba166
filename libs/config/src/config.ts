import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Environment, InvalidEnvironmentError, validateEnvironment } from './environment';

export { Environment, InvalidEnvironmentError, validateEnvironment };

/** The project root: where package.json lives, whether running from src or dist. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

let cached: Environment | undefined;

/** Reads and validates process.env once; the only place the apps read the environment. */
export function loadEnvironment(): Environment {
  if (!cached) cached = validateEnvironment(process.env);
  return cached;
}

export function resetEnvironmentCache(): void {
  cached = undefined;
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
export function loadEnvironmentOrExit(): Environment {
  try {
    return loadEnvironment();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78);
    }
    throw error;
  }
}
