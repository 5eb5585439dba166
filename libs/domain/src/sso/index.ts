export * from './sso-crypto';
export * from './sso-rules';
export * from './sso.dto';
export * from './sso.service';
export type { SsoUserRow } from './sso.repository';
