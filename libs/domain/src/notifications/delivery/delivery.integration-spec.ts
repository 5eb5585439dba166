import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { startSmtpSink, startWebhookReceiver, type SmtpSink, type WebhookReceiver } from '@test/support';
import { renderAlertEmail, type AlertNotificationPayload } from './alert-message';
import { PermanentDeliveryError, TransientDeliveryError } from './delivery-errors';
import { createMailer, type Mailer, type OutgoingEmail } from './mailer';
import { WEBHOOK_DELIVERY_HEADER, sendWebhook } from './webhook-sender';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';
import type { CheckedWebhookTarget } from './webhook-target';

const now = new Date('2026-03-21T09:15:30.000Z');
const secret = 'whsec_integration_secret';
let sequence = 0;

function payload(overrides: Partial<AlertNotificationPayload> = {}): AlertNotificationPayload {
  sequence += 1;
  return {
    outboxId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    event: 'alert.raised',
    link: 'https://app.throughline.test/alerts/a1',
    alert: {
      id: 'a1',
      rule: 'milestone_overdue',
      severity: 'critical',
      message: '‘Hire two AEs’ is 20 days overdue',
      details: { daysOverdue: 20 },
      engagementId: 'e1',
      clientName: 'Acme Robotics',
      engagementLabel: 'Fractional CRO',
      subjectType: 'milestone',
      subjectId: 'm1',
      firstSeenAt: '2026-03-01T08:00:00.000Z',
      lastSeenAt: now.toISOString(),
    },
    ...overrides,
  };
}

function email(p: AlertNotificationPayload, to = 'dana@example.test'): OutgoingEmail {
  return { outboxId: p.outboxId, to, ...renderAlertEmail(p, 'Dana'), headers: { 'X-Throughline-Alert': p.alert.id } };
}

/** A port nothing listens on: bind one, note it, release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('mailer over SMTP (real sink)', () => {
  let sink: SmtpSink;
  let mailer: Mailer;

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({
      smtpUrl: sink.url,
      mailDir: '/nonexistent',
      from: 'Throughline <alerts@throughline.test>',
      maxMessagesPerSecond: 50,
    });
  });
  afterAll(async () => {
    await mailer.close();
    await sink.close();
  });
  afterEach(() => sink.setRejection(null));

  it('delivers a message with both parts, the headers and the outbox id as Message-ID', async () => {
    const p = payload();
    const rendered = renderAlertEmail(p, 'Dana');
    await mailer.send(email(p));

    const [message] = (await sink.waitForMessages(1)).slice(-1);
    expect(message.subject).toBe(rendered.subject);
    expect(message.messageId).toBe(`<${p.outboxId}@throughline>`);
    expect(message.from?.value).toEqual([{ name: 'Throughline', address: 'alerts@throughline.test' }]);
    expect(message.to && !Array.isArray(message.to) ? message.to.text : undefined).toBe('dana@example.test');
    expect(message.text).toContain('Open in Throughline: https://app.throughline.test/alerts/a1');
    expect(message.html).toContain('href="https://app.throughline.test/alerts/a1"');
    expect(message.html).toContain('‘Hire two AEs’ is 20 days overdue');
    expect(message.headers.get('x-throughline-alert')).toBe('a1');
  });

  it('gives every copy of one outbox row the same Message-ID, so a repeat after a crash is recognisable', async () => {
    const p = payload();
    await mailer.send(email(p));
    await mailer.send(email(p));
    const copies = sink.messages.filter((m) => m.messageId === `<${p.outboxId}@throughline>`);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((m) => m.subject)).size).toBe(1);
  });

  it('reports a 451 as transient and a 550 as permanent, then recovers when the server does', async () => {
    const before = sink.messages.length;

    sink.setRejection({ code: 451, message: 'Try again later' });
    const temporary = mailer.send(email(payload()));
    await expect(temporary).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(temporary).rejects.toMatchObject({ permanent: false, details: { responseCode: 451 } });

    sink.setRejection({ code: 550, message: 'No such user' });
    const bounced = mailer.send(email(payload()));
    await expect(bounced).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(bounced).rejects.toMatchObject({
      permanent: true,
      code: 'NOTIFICATION.DELIVERY_REJECTED',
      details: { responseCode: 550 },
    });

    expect(sink.messages).toHaveLength(before);
    sink.setRejection(null);
    await mailer.send(email(payload()));
    expect(sink.messages).toHaveLength(before + 1);
  });

  it('treats an unreachable server as transient', async () => {
    const down = createMailer({
      smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
      mailDir: '/nonexistent',
      from: 'alerts@throughline.test',
    });
    try {
      await expect(down.send(email(payload()))).rejects.toBeInstanceOf(TransientDeliveryError);
    } finally {
      await down.close();
    }
  });

  it('refuses an outbox id that would corrupt the Message-ID, for good', async () => {
    await expect(mailer.send({ ...email(payload()), outboxId: 'x> <evil@host' })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
  });
});

describe('mailer without SMTP (embedded .eml files)', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'throughline-mail-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one parseable .eml per message, named by time and outbox id, and nothing else', async () => {
    const mailDir = join(dir, 'nested', 'mail'); // created on first send
    const mailer = createMailer({ mailDir, from: 'alerts@throughline.test', now: () => now });
    const p = payload();
    await mailer.send(email(p));
    await mailer.close();

    const files = await readdir(mailDir);
    expect(files).toEqual([`20260321T091530000Z-${p.outboxId}.eml`]);
    const raw = await readFile(join(mailDir, files[0]));
    expect(raw.includes('\r\n')).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(`<${p.outboxId}@throughline>`);
    expect(parsed.subject).toBe(renderAlertEmail(p, 'Dana').subject);
    expect(parsed.text).toContain('Open in Throughline');
    expect(parsed.html).toContain('width="600"');
  });

  it('does not write a second file when the same outbox row is sent again (a retry after a crash)', async () => {
    let clock = now.getTime();
    const mailer = createMailer({
      mailDir: dir,
      from: 'alerts@throughline.test',
      now: () => new Date((clock += 1000)),
    });
    const p = payload();
    await mailer.send(email(p));
    await mailer.send(email(p));
    await mailer.send(email(payload()));
    expect(await readdir(dir)).toHaveLength(2);
  });
});

/** The receivers listen on 127.0.0.1, as WebhookPolicy.resolve with private targets allowed would report them. */
function loopback(url: string): CheckedWebhookTarget {
  return { url, hostname: '127.0.0.1', addresses: [{ address: '127.0.0.1', family: 4 }] };
}

describe('sendWebhook (real receiver)', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  afterEach(() => receiver.respondWith(200));

  it('posts the payload as JSON with a signature that verifies against the raw body', async () => {
    const p = payload();
    await expect(
      sendWebhook({ target: loopback(receiver.url), secret, format: 'json', payload: p, now }),
    ).resolves.toEqual({
      status: 200,
    });

    const request = receiver.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers[WEBHOOK_DELIVERY_HEADER]).toBe(p.outboxId);
    expect(request.json).toEqual(p);
    const signature = request.headers[WEBHOOK_SIGNATURE_HEADER] as string;
    expect(signature).toMatch(/^t=1774084530,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, signature, request.body, { now })).toBe(true);
    expect(verifyWebhookSignature('wrong', signature, request.body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, signature, `${request.body} `, { now })).toBe(false);
  });

  it('repeats the same delivery id on every call for one outbox row, so a receiver can drop a repeat', async () => {
    const p = payload();
    await sendWebhook({ target: loopback(receiver.url), secret, format: 'json', payload: p, now });
    await sendWebhook({
      target: loopback(receiver.url),
      secret,
      format: 'json',
      payload: p,
      now: new Date(now.getTime() + 60_000),
    });
    const calls = receiver.requests.filter((r) => r.headers[WEBHOOK_DELIVERY_HEADER] === p.outboxId);
    expect(calls).toHaveLength(2);
  });

  it('sends a Slack-compatible body when the format is slack', async () => {
    await sendWebhook({ target: loopback(receiver.url), secret, format: 'slack', payload: payload(), now });
    const body = receiver.requests.at(-1)!.json as { text: string; blocks: unknown[] };
    expect(body.text).toMatch(/^\*Critical alert: milestone overdue — Acme Robotics · Fractional CRO\*\n/);
    expect(body.text).toContain('<https://app.throughline.test/alerts/a1|Open in Throughline>');
    expect(Array.isArray(body.blocks)).toBe(true);
  });

  it('sends a Microsoft Teams Adaptive Card when the format is teams, signed like the others', async () => {
    await sendWebhook({ target: loopback(receiver.url), secret, format: 'teams', payload: payload(), now });
    const request = receiver.requests.at(-1)!;
    const body = request.json as {
      type: string;
      attachments: Array<{ contentType: string; content: { body: unknown[]; actions: unknown[] } }>;
    };
    expect(body.type).toBe('message');
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Throughline', url: 'https://app.throughline.test/alerts/a1' },
    ]);
    expect(request.headers[WEBHOOK_SIGNATURE_HEADER]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it.each([
    [500, TransientDeliveryError],
    [503, TransientDeliveryError],
    [429, TransientDeliveryError],
    [408, TransientDeliveryError],
    [404, PermanentDeliveryError],
    [410, PermanentDeliveryError],
    [400, PermanentDeliveryError],
    [301, PermanentDeliveryError],
  ])('classifies a %i answer', async (status, expected) => {
    receiver.respondWith(status);
    const attempt = sendWebhook({ target: loopback(receiver.url), secret, format: 'json', payload: payload(), now });
    await expect(attempt).rejects.toBeInstanceOf(expected);
    await expect(attempt).rejects.toMatchObject({ details: { status } });
  });

  it('treats a refused connection as transient, and a non-http URL as permanent', async () => {
    await expect(
      sendWebhook({
        target: loopback(`http://127.0.0.1:${await closedPort()}/hook`),
        secret,
        format: 'json',
        payload: payload(),
        now,
      }),
    ).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(
      sendWebhook({ target: loopback('ftp://example.test/hook'), secret, format: 'json', payload: payload(), now }),
    ).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('gives up after timeoutMs and reports it as transient', async () => {
    receiver.respondWith(200, { delayMs: 2000 });
    const started = Date.now();
    const attempt = sendWebhook({
      target: loopback(receiver.url),
      secret,
      format: 'json',
      payload: payload(),
      now,
      timeoutMs: 200,
    });
    await expect(attempt).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(attempt).rejects.toThrow(/did not answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('keeps the secret part of the URL out of the error', async () => {
    receiver.respondWith(404);
    const url = `${receiver.url}/T000/B000/super-secret-token?token=abc`;
    const error = await sendWebhook({ target: loopback(url), secret, format: 'slack', payload: payload(), now }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(
      JSON.stringify({ message: (error as Error).message, details: (error as PermanentDeliveryError).details }),
    ).not.toMatch(/super-secret|token=abc/);
  });
});
