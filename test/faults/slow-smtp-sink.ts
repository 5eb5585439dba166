import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { listenOnLoopback } from '@test/support';

/** One message the sink received in full (the final "." arrived), whether or not its 250 reached the client. */
export interface Reception {
  /** Arrival order. */
  seq: number;
  /** The Message-ID without angle brackets, e.g. `3f2c…@throughline`. */
  messageId: string;
  /** The outbox id the Message-ID carries (`<outboxId@throughline>`), or null for a foreign message. */
  outboxId: string | null;
  to: string;
  subject: string;
  /** Date.now() when the last byte of the message arrived, before the sink answers. */
  receivedAt: number;
  /** The SMTP connection it came on, and when that connection was opened (Date.now()). */
  sessionId: string;
  connectedAt: number;
  /** Whether the connection was still open when the sink answered 250 (false: the sender died while waiting). */
  repliedOnOpenConnection?: boolean;
  /**
   * The client's final "." reached the server but smtp-server tore the message down because the connection closed
   * before its parser got to that last chunk (a sender killed right after the "."). A real MTA has the complete
   * message at that point; counted as received, and reported.
   */
  completedAtClose?: boolean;
  /** The refusal the sink answered instead of 250 (see `setRefusal`); the message was not accepted. */
  refusedWith?: SmtpRefusal;
}

/** An SMTP reply to the final ".": 4xx asks the sender to try later, 5xx refuses for good. */
export interface SmtpRefusal {
  code: number;
  message: string;
}

export interface SlowSmtpSink {
  /** smtp://127.0.0.1:PORT, plain text, no auth. */
  url: string;
  receptions: Reception[];
  /** Messages whose connection dropped before the final "." (never counted as received). */
  partialMessages(): number;
  /** Those messages: the outbox id their headers carry, when the connection closed, bytes that had arrived. */
  partials: Array<{ outboxId: string | null; closedAt: number; bytes: number; rawTail: string }>;
  connections(): number;
  /**
   * Messages matching `hold` get no answer at all (the sender waits, holding its job) until `setHold(null)`,
   * which answers them. The decision is made once the message is parsed.
   */
  setHold(hold: ((reception: Reception) => boolean) | null): void;
  /** Every RCPT TO the sink was sent (before any message data), in arrival order. */
  rcptAttempts: Array<{ to: string; at: number; sessionId: string; connectedAt: number }>;
  /**
   * RCPT TO for matching addresses gets no answer until `setRcptHold(null)`: the sender waits, holding its job,
   * before a byte of the message was sent (so a sender killed meanwhile has handed nothing over).
   */
  setRcptHold(hold: ((to: string) => boolean) | null): void;
  /** Decides, per complete message (parsed), to refuse it after its final "." instead of answering 250. */
  setRefusal(refuse: ((reception: Reception) => SmtpRefusal | null) | null): void;
  /** Receptions the sink answered 250 to (or would have, had the sender still listened). */
  accepted(): Reception[];
  close(): Promise<void>;
}

/**
 * A loopback SMTP server that answers each message only after `replyDelayMs`, so a sender killed at a random
 * moment often dies between "the server has the message" and "the sender knows it": the window in which an
 * at-least-once sender re-sends. Every complete message is recorded at the moment it arrived.
 */
export async function startSlowSmtpSink(options: { replyDelayMs: number }): Promise<SlowSmtpSink> {
  const receptions: Reception[] = [];
  const connectedAt = new Map<string, number>();
  const closed = new Set<string>();
  let partial = 0;
  let seq = 0;
  const pendingReplies = new Set<NodeJS.Timeout>();
  let hold: ((reception: Reception) => boolean) | null = null;
  let refuse: ((reception: Reception) => SmtpRefusal | null) | null = null;
  const rcptAttempts: SlowSmtpSink['rcptAttempts'] = [];
  const partials: SlowSmtpSink['partials'] = [];
  let rcptHold: ((to: string) => boolean) | null = null;
  const heldRcpts = new Set<() => void>();
  const held = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onConnect(session, callback) {
      connectedAt.set(session.id, Date.now());
      callback();
    },
    onRcptTo(address, session, callback) {
      const to = address.address.toLowerCase();
      rcptAttempts.push({
        to,
        at: Date.now(),
        sessionId: session.id,
        connectedAt: connectedAt.get(session.id) ?? Date.now(),
      });
      if (rcptHold?.(to)) heldRcpts.add(() => callback());
      else callback();
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream: Readable, session, callback) {
      const chunks: Buffer[] = [];
      let ended = false;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // smtp-server destroys the stream with this error when the client goes away mid-message.
      stream.on('error', () => undefined);
      stream.on('close', () => {
        if (ended) return;
        // Whether the final "." had arrived is decided on the raw bytes, once the socket's last read is in.
        setImmediate(() => {
          if (!rawTail.get(session.remotePort)?.endsWith('\r\n.\r\n')) {
            partial += 1;
            const record = {
              outboxId: null as string | null,
              closedAt: Date.now(),
              bytes: chunks.reduce((n, c) => n + c.length, 0),
              rawTail: JSON.stringify(rawTail.get(session.remotePort)),
            };
            partials.push(record);
            const id = /Message-ID:\s*<([^@>]+)@throughline>/i.exec(Buffer.concat(chunks).toString('latin1'));
            record.outboxId = id?.[1] ?? null;
            return;
          }
          const reception: Reception = {
            seq: seq++,
            messageId: '',
            outboxId: null,
            to: '',
            subject: '',
            receivedAt: Date.now(),
            sessionId: session.id,
            connectedAt: connectedAt.get(session.id) ?? Date.now(),
            completedAtClose: true,
            repliedOnOpenConnection: false,
          };
          receptions.push(reception);
          void simpleParser(Buffer.concat(chunks))
            .then((parsed) => {
              reception.messageId = (parsed.messageId ?? '').replace(/^<|>$/g, '');
              reception.outboxId = /^(.+)@throughline$/.exec(reception.messageId)?.[1] ?? null;
              const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
              reception.to = (to?.value[0]?.address ?? '').toLowerCase();
              reception.subject = parsed.subject ?? '';
            })
            .catch(() => undefined);
        });
      });
      stream.on('end', () => {
        ended = true;
        const receivedAt = Date.now();
        const raw = Buffer.concat(chunks);
        const sessionId = session.id;
        const reception: Reception = {
          seq: seq++,
          messageId: '',
          outboxId: null,
          to: '',
          subject: '',
          receivedAt,
          sessionId,
          connectedAt: connectedAt.get(sessionId) ?? receivedAt,
        };
        // Recorded before anything asynchronous: the reply cannot overtake the record.
        receptions.push(reception);
        const reply = () => {
          reception.repliedOnOpenConnection = !closed.has(sessionId);
          if (reception.refusedWith)
            callback(
              Object.assign(new Error(reception.refusedWith.message), { responseCode: reception.refusedWith.code }),
            );
          else callback();
        };
        void simpleParser(raw)
          .then((parsed) => {
            const messageId = (parsed.messageId ?? '').replace(/^<|>$/g, '');
            reception.messageId = messageId;
            reception.outboxId = /^(.+)@throughline$/.exec(messageId)?.[1] ?? null;
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            reception.to = (to?.value[0]?.address ?? '').toLowerCase();
            reception.subject = parsed.subject ?? '';
          })
          .catch(() => undefined)
          .finally(() => {
            reception.refusedWith = refuse?.(reception) ?? undefined;
            if (hold?.(reception)) {
              held.add(reply);
              return;
            }
            // The delay counts from the arrival, whatever the parsing took.
            const timer = setTimeout(
              () => {
                pendingReplies.delete(timer);
                reply();
              },
              Math.max(0, receivedAt + options.replyDelayMs - Date.now()),
            );
            pendingReplies.add(timer);
          });
      });
    },
  });
  server.on('error', () => undefined);

  // The last bytes each client sent, by its port: did a message torn down at close have its final "."?
  const rawTail = new Map<number, string>();
  (server as unknown as { server: import('node:net').Server }).server.on('connection', (socket) => {
    const port = socket.remotePort ?? 0;
    socket.on('data', (data: Buffer) =>
      rawTail.set(port, ((rawTail.get(port) ?? '') + data.toString('latin1')).slice(-5)),
    );
  });
  const port = await listenOnLoopback(server);

  return {
    url: `smtp://127.0.0.1:${port}`,
    receptions,
    partialMessages: () => partial,
    connections: () => connectedAt.size,
    rcptAttempts,
    partials,
    setRcptHold(next) {
      rcptHold = next;
      if (next) return;
      for (const release of heldRcpts) release();
      heldRcpts.clear();
    },
    setRefusal(next) {
      refuse = next;
    },
    accepted: () => receptions.filter((r) => !r.refusedWith),
    setHold(next) {
      hold = next;
      if (next) return;
      for (const reply of held) reply();
      held.clear();
    },
    close() {
      for (const timer of pendingReplies) clearTimeout(timer);
      pendingReplies.clear();
      held.clear();
      heldRcpts.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
