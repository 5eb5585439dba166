import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpRejection {
  /** An SMTP reply code: 4xx asks the client to retry later (451), 5xx refuses for good (550). */
  code: number;
  message: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, plain text, no auth: give it to the mailer as its SMTP URL. */
  url: string;
  /** Every accepted message, parsed, in arrival order. */
  messages: ParsedMail[];
  /** Reject every recipient from now on (null to accept again), to simulate an outage or a bounce. */
  setRejection(rejection: SmtpRejection | null): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

const receivedByEverySink: ParsedMail[] = [];

/**
 * Every message any sink of this test file accepted: where the fixtures find an emailed link the worker already
 * sent (once sent, the outbox forgets a link's payload).
 */
export function messagesOfEverySink(): readonly ParsedMail[] {
  return receivedByEverySink;
}

/**
 * A real SMTP server on loopback for delivery tests. A message is parsed before the server answers
 * 250, so once the client's send resolves the message is already in `messages`.
 */
export async function startSmtpSink(options: { rejectWith?: SmtpRejection } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let rejection: SmtpRejection | null = options.rejectWith ?? null;

  const server = new SMTPServer({
    authOptional: true,
    // A plain-text loopback server: without this the client would try STARTTLS with a self-signed cert.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A pooled client left connected must not hold close() for smtp-server's default 30 s.
    closeTimeout: 500,
    // Rejecting at RCPT TO means the client never sends the data, so nothing half-arrives.
    onRcptTo(_address, _session, callback) {
      if (!rejection) return callback();
      callback(smtpError(rejection));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          receivedByEverySink.push(parsed);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: unknown) => {
          stream.resume(); // drain whatever the parser left, or the session stalls
          callback(smtpError({ code: 451, message: `Sink could not parse the message: ${String(error)}` }));
        });
    },
  });
  // smtp-server reports client resets as 'error' events; without a listener they would crash the test run.
  server.on('error', () => undefined);

  const port = await listenOnLoopback(server);

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    setRejection(next) {
      rejection = next;
    },
    waitForMessages(count, timeoutMs = 10_000) {
      return new Promise<ParsedMail[]>((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages.slice());
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function smtpError(rejection: SmtpRejection): Error & { responseCode: number } {
  return Object.assign(new Error(rejection.message), { responseCode: rejection.code });
}

/** Starts `server` on a free loopback port (tests send mail to it only) and answers that port. */
export async function listenOnLoopback(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return (server.server.address() as AddressInfo).port;
}
