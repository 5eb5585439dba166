import { assertLeaseOutlastsSends, DEFAULT_DELIVERY_LEASE_SECONDS } from './delivery-options';

describe('assertLeaseOutlastsSends', () => {
  const options = (leaseSeconds: number) => ({
    leaseSeconds,
    disableWebhookAfterFailures: 5,
    publicUrl: 'https://app.example.test',
  });
  const mail = { mailDir: '/tmp/mail', from: 'alerts@example.test' };

  it('accepts the default lease with the default send timeout (20 s)', () => {
    expect(() => assertLeaseOutlastsSends(options(DEFAULT_DELIVERY_LEASE_SECONDS), mail)).not.toThrow();
  });

  it('refuses a lease a live send could outlast, naming both lengths', () => {
    expect(() => assertLeaseOutlastsSends(options(20), mail)).toThrow(
      'The delivery lease (20 s) must be longer than the longest send (20 s)',
    );
    expect(() => assertLeaseOutlastsSends(options(60), { ...mail, sendTimeoutMs: 90_000 })).toThrow(
      /longest send \(90 s\)/,
    );
    expect(() => assertLeaseOutlastsSends(options(Number.NaN), mail)).toThrow(/delivery lease/);
  });
});
