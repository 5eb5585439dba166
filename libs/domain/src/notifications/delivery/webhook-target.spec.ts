import { isBlockedAddress, WebhookPolicy } from './webhook-target';

describe('webhook targets', () => {
  it('refuses loopback, private, link-local and reserved addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect([address, isBlockedAddress(address)]).toEqual([address, true]);
    }
  });

  it('allows public addresses', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])
      expect([address, isBlockedAddress(address)]).toEqual([address, false]);
  });

  it('checks literal hosts without DNS and can be switched off for development', async () => {
    const policy = new WebhookPolicy({ allowPrivateTargets: false });
    await expect(policy.check('http://127.0.0.1:3001/health', (r) => new Error(r))).rejects.toThrow(
      /private or reserved address/,
    );
    await expect(policy.check('http://[::1]/x', (r) => new Error(r))).rejects.toThrow(/private or reserved/);
    await expect(policy.check('https://93.184.216.34/hook', (r) => new Error(r))).resolves.toBeUndefined();
    const development = new WebhookPolicy({ allowPrivateTargets: true });
    await expect(development.check('http://127.0.0.1:3001/health', (r) => new Error(r))).resolves.toBeUndefined();
  });
});
