import { WebhookPolicy, type HostResolver, type ResolvedAddress } from './webhook-target';

const refuse = (reason: string) => new Error(reason);

/** A resolver that gives the listed answers in turn and counts how often it was asked. */
function scriptedResolver(...answers: ResolvedAddress[][]): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const answer = answers.shift();
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return Object.assign(resolve, { calls });
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

describe('WebhookPolicy', () => {
  it('checks literal hosts without DNS and can be switched off for development', async () => {
    const resolveHost = scriptedResolver();
    const policy = new WebhookPolicy({ allowPrivateTargets: false, resolveHost });
    await expect(policy.check('http://127.0.0.1:3001/health', refuse)).rejects.toThrow(/private or reserved address/);
    await expect(policy.check('http://[::1]/x', refuse)).rejects.toThrow(/private or reserved/);
    await expect(policy.check('https://93.184.216.34/hook', refuse)).resolves.toBeUndefined();
    expect(resolveHost.calls).toEqual([]);
    const development = new WebhookPolicy({ allowPrivateTargets: true, resolveHost });
    await expect(development.check('http://127.0.0.1:3001/health', refuse)).resolves.toBeUndefined();
  });

  it.each([
    'http://192.0.2.1/hook',
    'http://198.51.100.1/hook',
    'http://203.0.113.1/hook',
    'http://[::ffff:0:7f00:1]/hook',
    'http://[64:ff9b::7f00:1]/hook',
    'http://[::7f00:1]/hook',
    'http://[2002:7f00:1::]/hook',
    'http://[fec0::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    // The URL parser turns these legacy spellings into 127.0.0.1 before anything else sees them.
    'http://2130706433/hook',
    'http://0x7f.1/hook',
    'http://127.1/hook',
  ])('refuses %s', async (url) => {
    const policy = new WebhookPolicy({ allowPrivateTargets: false, resolveHost: scriptedResolver() });
    await expect(policy.check(url, refuse)).rejects.toThrow(/private or reserved address/);
  });

  it('refuses a name when any one of its addresses is refused, naming it', async () => {
    const policy = new WebhookPolicy({
      allowPrivateTargets: false,
      resolveHost: scriptedResolver([v4('93.184.216.34'), v6('64:ff9b::a9fe:a9fe')]),
    });
    await expect(policy.check('https://hooks.example.com/x', refuse)).rejects.toThrow(
      'hooks.example.com resolves to a private or reserved address (64:ff9b::a9fe:a9fe is IPv4/IPv6 translation (NAT64), and the NAT64 form of 169.254.169.254, which is link-local)',
    );
  });

  it('refuses a name that does not resolve, or resolves to nothing', async () => {
    const policy = new WebhookPolicy({ allowPrivateTargets: false, resolveHost: scriptedResolver([]) });
    await expect(policy.check('https://nowhere.example.com/x', refuse)).rejects.toThrow(
      'the host of https://nowhere.example.com does not resolve',
    );
    await expect(policy.check('https://nowhere.example.com/x', refuse)).rejects.toThrow(/does not resolve/);
  });

  it('resolves once and returns the checked addresses, which the sender then connects to', async () => {
    const resolveHost = scriptedResolver(
      [v4('93.184.216.34'), v6('2606:2800:220:1:248:1893:25c8:1946')],
      [v4('127.0.0.1')],
    );
    const policy = new WebhookPolicy({ allowPrivateTargets: false, resolveHost });
    await expect(policy.resolve('https://hooks.example.com:8443/x?token=1', refuse)).resolves.toEqual({
      url: 'https://hooks.example.com:8443/x?token=1',
      hostname: 'hooks.example.com',
      addresses: [v4('93.184.216.34'), v6('2606:2800:220:1:248:1893:25c8:1946')],
    });
    expect(resolveHost.calls).toEqual(['hooks.example.com']);
  });

  it('with private targets allowed: saving looks nothing up, sending resolves without refusing', async () => {
    const resolveHost = scriptedResolver([v4('127.0.0.1')]);
    const development = new WebhookPolicy({ allowPrivateTargets: true, resolveHost });
    await expect(development.check('http://receiver.internal:4000/hook', refuse)).resolves.toBeUndefined();
    expect(resolveHost.calls).toEqual([]);
    await expect(development.resolve('http://receiver.internal:4000/hook', refuse)).resolves.toMatchObject({
      hostname: 'receiver.internal',
      addresses: [v4('127.0.0.1')],
    });
  });
});
