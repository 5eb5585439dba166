import type { DataSource } from 'typeorm';
import { APP_ROLE } from '../../../migrations/1764400000000-RowLevelSecurity';

export { APP_ROLE };

export interface AppDatabaseSettings {
  /** DATABASE_URL: the owner, who runs the migrations. */
  ownerUrl: string;
  /** DATABASE_APP_URL: the whole URL of the application role, when the operator manages it. */
  appUrl?: string;
  /** DATABASE_APP_PASSWORD: otherwise the role's password; unset means the owner's password from DATABASE_URL. */
  appPassword?: string;
}

/**
 * How the API and the worker reach PostgreSQL: as `throughline_app`, which row-level security applies to, never as
 * the owner. DATABASE_APP_URL when set; otherwise DATABASE_URL with the role's name and password swapped in.
 */
export function appDatabaseUrl(settings: AppDatabaseSettings): string {
  if (settings.appUrl) return settings.appUrl;
  const url = new URL(settings.ownerUrl);
  url.username = APP_ROLE;
  const password = appRolePassword(settings);
  url.password = password ? encodeURIComponent(password) : '';
  return url.toString();
}

/** The password the app role is given after migrations (none: the server trusts the connection, as in CI). */
export function appRolePassword(settings: AppDatabaseSettings): string | undefined {
  if (settings.appUrl) return undefined;
  const ownerPassword = decodeURIComponent(new URL(settings.ownerUrl).password);
  return settings.appPassword || ownerPassword || undefined;
}

/**
 * Run by whatever migrates (npm start, the migrate service, the test set-up): gives the app role the password the
 * API and worker will derive, so DATABASE_URL alone is enough configuration. Skipped when DATABASE_APP_URL is set.
 */
export async function syncAppRolePassword(dataSource: DataSource, settings: AppDatabaseSettings): Promise<void> {
  const password = appRolePassword(settings);
  if (!password) return;
  const [{ statement }]: Array<{ statement: string }> = await dataSource.query(
    `SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) AS statement`,
    [APP_ROLE, password],
  );
  await dataSource.query(statement);
}
