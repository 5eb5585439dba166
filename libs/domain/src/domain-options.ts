import type { EnvironmentWith } from '@app/config';
import type { DigestOptions } from './digests/digest-composer.service';
import type { DriftScanOptions } from './drift/drift-scan.service';
import type { WebhookPolicyOptions } from './notifications/delivery/webhook-target';
import { unsubscribeKey } from './digests/unsubscribe-token';
import { ssoKey, type SsoOptions } from './sso/sso-crypto';

/** The settings of the domain services, from the validated environment (the API, the worker) or a test harness. */
export interface DomainOptions {
  driftScan: DriftScanOptions;
  webhookPolicy: WebhookPolicyOptions;
  digests: DigestOptions;
  sso: SsoOptions;
}

export class InvalidDomainOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid domain options:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** An origin (scheme://host[:port]): links in emails append their path to it. */
const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

/**
 * Checked when the module is built, so a harness or a caller that bypasses the environment's validation still
 * cannot start with a setting missing: no service falls back to a default of its own.
 */
export function assertDomainOptions(options: DomainOptions): DomainOptions {
  const problems: string[] = [];
  const { driftScan, webhookPolicy, digests, sso } = options;
  if (!ORIGIN.test(String(driftScan?.publicUrl)))
    problems.push(
      `driftScan.publicUrl (PUBLIC_URL): must be an http(s) origin, got ${JSON.stringify(driftScan?.publicUrl)}`,
    );
  if (!Number.isInteger(driftScan?.alertBatchAbove) || driftScan.alertBatchAbove < 0) {
    problems.push(
      `driftScan.alertBatchAbove (ALERT_BATCH_ABOVE): must be a whole number >= 0, got ${JSON.stringify(driftScan?.alertBatchAbove)}`,
    );
  }
  if (typeof webhookPolicy?.allowPrivateTargets !== 'boolean') {
    problems.push(
      `webhookPolicy.allowPrivateTargets (WEBHOOK_ALLOW_PRIVATE_TARGETS): must be true or false, got ${JSON.stringify(webhookPolicy?.allowPrivateTargets)}`,
    );
  }
  if (!ORIGIN.test(String(digests?.publicUrl)))
    problems.push(
      `digests.publicUrl (PUBLIC_URL): must be an http(s) origin, got ${JSON.stringify(digests?.publicUrl)}`,
    );
  if (typeof digests?.unsubscribeKey !== 'string' || digests.unsubscribeKey.length < 32) {
    problems.push(
      'digests.unsubscribeKey (DIGEST_UNSUBSCRIBE_SECRET or JWT_SECRET): must be a key of 32+ characters (see unsubscribeKey())',
    );
  }
  if (!(sso?.secretKey instanceof Buffer) || sso.secretKey.length !== 32)
    problems.push('sso.secretKey (SSO_SECRET_KEY or JWT_SECRET): must be a 32-byte key (see ssoKey())');
  if (typeof sso?.allowHttpIssuers !== 'boolean')
    problems.push(
      `sso.allowHttpIssuers (SSO_ALLOW_HTTP_ISSUERS): must be true or false, got ${JSON.stringify(sso?.allowHttpIssuers)}`,
    );
  if (!ORIGIN.test(String(sso?.publicUrl)))
    problems.push(`sso.publicUrl (PUBLIC_URL): must be an http(s) origin, got ${JSON.stringify(sso?.publicUrl)}`);
  if (problems.length > 0) throw new InvalidDomainOptionsError(problems);
  return options;
}

/** What the API and the worker pass to DomainModule.forRoot: the same validated variables in both. */
export function domainOptionsFromEnvironment(env: EnvironmentWith<'PUBLIC_URL'>, jwtSecret: string): DomainOptions {
  return {
    driftScan: { publicUrl: env.PUBLIC_URL, alertBatchAbove: env.ALERT_BATCH_ABOVE },
    webhookPolicy: { allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS },
    digests: { publicUrl: env.PUBLIC_URL, unsubscribeKey: unsubscribeKey(env.DIGEST_UNSUBSCRIBE_SECRET, jwtSecret) },
    sso: {
      secretKey: ssoKey(env.SSO_SECRET_KEY, jwtSecret),
      allowHttpIssuers: env.SSO_ALLOW_HTTP_ISSUERS,
      publicUrl: env.PUBLIC_URL,
    },
  };
}
