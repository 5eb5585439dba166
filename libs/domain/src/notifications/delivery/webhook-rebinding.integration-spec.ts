import { startWebhookReceiver, type WebhookReceiver } from '@test/support';
import type { AlertNotificationPayload } from './alert-message';
import { PermanentDeliveryError, TransientDeliveryError } from './delivery-errors';
import { sendWebhook } from './webhook-sender';
import { WebhookPolicy, type HostResolver } from './webhook-target';

/**
 * DNS rebinding: a name answers a harmless address to the check and 127.0.0.1 to the connection. The policy's
 * resolver is injected (no patching of `dns`); a real receiver on 127.0.0.1 must receive nothing. The URLs use
 * `localhost`, which the system resolver also answers with 127.0.0.1: a sender that looked the name up again, by any
 * means, would reach the receiver.
 */

const now = new Date('2026-03-21T09:15:30.000Z');
const refuse = (reason: string) => new PermanentDeliveryError(`Webhook target refused: ${reason}`);

function payload(): AlertNotificationPayload {
  return {
    outboxId: '00000000-0000-4000-8000-00000000beef',
    event: 'alert.raised',
    link: 'https://app.throughline.test/alerts/a1',
    alert: {
      id: 'a1',
      rule: 'milestone_overdue',
      severity: 'critical',
      message: 'overdue',
      details: {},
      engagementId: 'e1',
      clientName: 'Acme Robotics',
      engagementLabel: 'Fractional CRO',
      subjectType: 'milestone',
      subjectId: 'm1',
      firstSeenAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
    },
  };
}

/** Answers `first` to the first question and 127.0.0.1 to every later one, counting the questions. */
function rebindingResolver(first: string): HostResolver & { calls: number } {
  const resolver = Object.assign(
    async () => {
      resolver.calls += 1;
      return [{ address: resolver.calls === 1 ? first : '127.0.0.1', family: 4 as const }];
    },
    { calls: 0 },
  );
  return resolver;
}

describe('a webhook connects to the address that was checked (DNS rebinding)', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('connects to the first answer, never to a second one for the same name', async () => {
    // Private targets allowed so that the first answer passes: 127.0.0.2, where nothing listens.
    const resolveHost = rebindingResolver('127.0.0.2');
    const policy = new WebhookPolicy({ allowPrivateTargets: true, resolveHost });
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    const received = receiver.requests.length;

    const target = await policy.resolve(url, refuse);
    const attempt = sendWebhook({ target, secret: 's', format: 'json', payload: payload(), now, timeoutMs: 2000 });

    await expect(attempt).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(attempt).rejects.toMatchObject({ details: { reason: expect.stringContaining('ECONNREFUSED') } });
    expect(resolveHost.calls).toBe(1);
    expect(receiver.requests).toHaveLength(received);
  });

  it('with the policy on, the checked public answer is what a send is pinned to, and a rebound answer is refused', async () => {
    // No send here: the test connects only to this machine (the pinning itself is proven by the test above).
    const resolveHost = rebindingResolver('93.184.216.34');
    const policy = new WebhookPolicy({ allowPrivateTargets: false, resolveHost });
    const url = receiver.url.replace('127.0.0.1', 'localhost');

    const target = await policy.resolve(url, refuse);
    expect(target.addresses).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect(resolveHost.calls).toBe(1);
    // The next attempt resolves again, and is checked again.
    await expect(policy.resolve(url, refuse)).rejects.toThrow(/localhost resolves to a private or reserved address/);
  });

  it('still delivers to a checked address', async () => {
    const resolveHost = rebindingResolver('127.0.0.1');
    const policy = new WebhookPolicy({ allowPrivateTargets: true, resolveHost });
    const target = await policy.resolve(receiver.url.replace('127.0.0.1', 'localhost'), refuse);
    await expect(
      sendWebhook({ target, secret: 's', format: 'json', payload: payload(), now, timeoutMs: 2000 }),
    ).resolves.toEqual({ status: 200 });
    expect(receiver.requests.at(-1)!.headers.host).toBe(`localhost:${new URL(receiver.url).port}`);
  });
});
