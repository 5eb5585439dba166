import { validateEnvironment } from '@app/config';
import { DomainModule } from './domain.module';
import {
  assertDomainOptions,
  domainOptionsFromEnvironment,
  InvalidDomainOptionsError,
  type DomainOptions,
} from './domain-options';
import { DIGEST_OPTIONS } from './digests/digest-composer.service';
import { DRIFT_SCAN_OPTIONS } from './drift/drift-scan.service';
import { WEBHOOK_POLICY_OPTIONS } from './notifications/delivery/webhook-target';
import { SSO_OPTIONS } from './sso/sso-crypto';

const JWT_SECRET = 'jwt-secret-that-is-long-enough-for-the-tests';
const valid = (): DomainOptions =>
  domainOptionsFromEnvironment(
    validateEnvironment(
      { PUBLIC_URL: 'https://throughline.example.com', ALERT_BATCH_ABOVE: '7' },
      { require: ['PUBLIC_URL'] },
    ),
    JWT_SECRET,
  );

describe('domain options', () => {
  it('come from the validated environment, one options object per provider', () => {
    const options = valid();
    expect(options).toEqual({
      driftScan: { publicUrl: 'https://throughline.example.com', alertBatchAbove: 7 },
      webhookPolicy: { allowPrivateTargets: false },
      digests: { publicUrl: 'https://throughline.example.com', unsubscribeKey: expect.any(String) },
      sso: { secretKey: expect.any(Buffer), allowHttpIssuers: false, publicUrl: 'https://throughline.example.com' },
    });
    expect(options.sso.secretKey).toHaveLength(32);
    expect(options.digests.unsubscribeKey).not.toContain(JWT_SECRET);
    const providers = DomainModule.forRoot(options).providers ?? [];
    expect(providers).toEqual(
      expect.arrayContaining([
        { provide: DRIFT_SCAN_OPTIONS, useValue: options.driftScan },
        { provide: WEBHOOK_POLICY_OPTIONS, useValue: options.webhookPolicy },
        { provide: DIGEST_OPTIONS, useValue: options.digests },
        { provide: SSO_OPTIONS, useValue: options.sso },
      ]),
    );
  });

  it.each([
    [
      'driftScan.publicUrl (PUBLIC_URL)',
      (o: DomainOptions) => ({ ...o, driftScan: { ...o.driftScan, publicUrl: '' } }),
    ],
    [
      'driftScan.publicUrl (PUBLIC_URL)',
      (o: DomainOptions) => ({ ...o, driftScan: { ...o.driftScan, publicUrl: 'https://x.example.com/' } }),
    ],
    [
      'driftScan.alertBatchAbove (ALERT_BATCH_ABOVE)',
      (o: DomainOptions) => ({ ...o, driftScan: { ...o.driftScan, alertBatchAbove: -1 } }),
    ],
    [
      'driftScan.alertBatchAbove (ALERT_BATCH_ABOVE)',
      (o: DomainOptions) => ({ ...o, driftScan: { ...o.driftScan, alertBatchAbove: undefined as unknown as number } }),
    ],
    [
      'webhookPolicy.allowPrivateTargets (WEBHOOK_ALLOW_PRIVATE_TARGETS)',
      (o: DomainOptions) => ({ ...o, webhookPolicy: {} as DomainOptions['webhookPolicy'] }),
    ],
    [
      'digests.publicUrl (PUBLIC_URL)',
      (o: DomainOptions) => ({ ...o, digests: { ...o.digests, publicUrl: 'localhost:3000' } }),
    ],
    ['digests.unsubscribeKey', (o: DomainOptions) => ({ ...o, digests: { ...o.digests, unsubscribeKey: '' } })],
    ['sso.secretKey', (o: DomainOptions) => ({ ...o, sso: { ...o.sso, secretKey: Buffer.alloc(8) } })],
    [
      'sso.allowHttpIssuers (SSO_ALLOW_HTTP_ISSUERS)',
      (o: DomainOptions) => ({ ...o, sso: { ...o.sso, allowHttpIssuers: 'yes' as unknown as boolean } }),
    ],
  ])('refuse to build the module when %s is bad, naming it', (name, spoil) => {
    const bad = spoil(valid());
    expect(() => assertDomainOptions(bad)).toThrow(InvalidDomainOptionsError);
    expect(() => DomainModule.forRoot(bad)).toThrow(name);
  });
});
