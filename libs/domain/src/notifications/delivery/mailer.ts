import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type NodemailerError, type SendMailOptions } from 'nodemailer';
import { PermanentDeliveryError, TransientDeliveryError } from './delivery-errors';

export interface OutgoingEmail {
  /** The outbox row id: it becomes the Message-ID, so a duplicate send can be recognised downstream. */
  outboxId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the server accepted the message (SMTP 250) or it was written to mailDir. */
  send(message: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

export interface MailerConfig {
  /** smtp:// or smtps:// with credentials; unset means the embedded default (files in mailDir). */
  smtpUrl?: string;
  mailDir: string;
  from: string;
  maxMessagesPerSecond?: number;
  /**
   * Upper bound for one send, queueing in the pool included. It must stay below the delivery lease
   * (DeliveryOptions.leaseSeconds): a send that outlives its lease lets a second sender take the row and mail it again.
   */
  sendTimeoutMs?: number;
  /** For the .eml file names; injected so tests can pin it. */
  now?: () => Date;
}

export const DEFAULT_SEND_TIMEOUT_MS = 20_000;
/** Outbox ids are UUIDs; anything else could break the Message-ID header or escape mailDir. */
const SAFE_OUTBOX_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * One attempt per call and no retries inside: the delivery job owns retries and backoff, and
 * decides from the error class whether another attempt can help.
 */
export function createMailer(config: MailerConfig): Mailer {
  return config.smtpUrl ? createSmtpMailer({ ...config, smtpUrl: config.smtpUrl }) : createMailDirMailer(config);
}

function createSmtpMailer(config: MailerConfig & { smtpUrl: string }): Mailer {
  const transport = createTransport({
    url: config.smtpUrl,
    pool: true,
    // nodemailer's pool silently resends a message whose connection dropped mid-send; the server may
    // already have accepted it, so that would be a duplicate email. The job retries instead.
    maxRequeues: 0,
    ...(config.maxMessagesPerSecond ? { rateLimit: config.maxMessagesPerSecond, rateDelta: 1000 } : {}),
    // nodemailer's defaults (2 min to connect, 10 min idle socket) far outlast a job's lock.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // Our content is inline strings; never let a message field read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const sendTimeoutMs = config.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  return {
    async send(message) {
      const options = toMailOptions(config.from, message);
      try {
        await transport.sendMail({ ...options, signal: AbortSignal.timeout(sendTimeoutMs) });
      } catch (error) {
        throw classifySmtpError(error, message.outboxId);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * The embedded default: no SMTP server to run, every message lands as an .eml file a developer can
 * open. Written to a temp name and renamed, so a crash never leaves a half-written message behind.
 */
function createMailDirMailer(config: MailerConfig): Mailer {
  const transport = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const now = config.now ?? (() => new Date());
  let dirReady: Promise<unknown> | undefined;
  return {
    async send(message) {
      const options = toMailOptions(config.from, message);
      try {
        dirReady ??= mkdir(config.mailDir, { recursive: true });
        await dirReady;
        // A retry after a crash between writing and acknowledging the outbox row must not make a second file.
        if (await alreadyWritten(config.mailDir, message.outboxId)) return;
        const info = await transport.sendMail(options);
        const name = `${fileTimestamp(now())}-${message.outboxId}.eml`;
        await writeFileAtomically(config.mailDir, name, info.message as Buffer);
      } catch (error) {
        dirReady = undefined;
        if (error instanceof PermanentDeliveryError) throw error;
        // A full disk or a permissions problem can be fixed while the job waits to retry.
        throw new TransientDeliveryError(
          `Could not write email ${message.outboxId} to ${config.mailDir}`,
          { reason: describe(error) },
          { cause: error },
        );
      }
    },
    async close() {
      transport.close();
    },
  };
}

function toMailOptions(from: string, message: OutgoingEmail): SendMailOptions {
  if (!SAFE_OUTBOX_ID.test(message.outboxId)) {
    throw new PermanentDeliveryError(
      `Outbox id is not safe for a Message-ID or file name: ${JSON.stringify(message.outboxId)}`,
    );
  }
  return {
    from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    headers: message.headers,
    messageId: `<${message.outboxId}@throughline>`,
  };
}

/**
 * nodemailer 10 sets `permanent` from the SMTP reply class: 5xx is final except 503 (bad command
 * sequence, fine on a new connection), 4xx is "try later". Connection failures and timeouts carry
 * no reply code and are transient.
 */
function classifySmtpError(error: unknown, outboxId: string): Error {
  if (error instanceof PermanentDeliveryError) return error;
  const smtp = (error ?? {}) as NodemailerError;
  const details = {
    outboxId,
    code: smtp.code,
    responseCode: smtp.responseCode,
    response: smtp.response,
    command: smtp.command,
  };
  const reason = smtp.response ?? describe(error);
  const permanent =
    smtp.permanent ?? (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500 && smtp.responseCode !== 503);
  if (permanent)
    return new PermanentDeliveryError(`SMTP server refused email ${outboxId}: ${reason}`, details, { cause: error });
  // Refused before any server saw it (no recipient, malformed address): the same input fails again.
  if (
    smtp.responseCode === undefined &&
    (smtp.code === 'EENVELOPE' || smtp.code === 'ECONFIG' || smtp.code === 'EMAXRECIPIENTS')
  ) {
    return new PermanentDeliveryError(`Email ${outboxId} cannot be sent: ${reason}`, details, { cause: error });
  }
  return new TransientDeliveryError(`Email ${outboxId} was not delivered, will retry: ${reason}`, details, {
    cause: error,
  });
}

async function alreadyWritten(dir: string, outboxId: string): Promise<boolean> {
  const suffix = `-${outboxId}.eml`;
  return (await readdir(dir)).some((name) => name.endsWith(suffix));
}

async function writeFileAtomically(dir: string, name: string, content: Buffer): Promise<void> {
  // A dot-prefixed temp name is hidden from mail viewers and never ends in .eml.
  const temp = join(dir, `.${name}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content);
      // Flushed before the rename, or a power cut could leave the final name pointing at an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** 2026-03-21T09:15:30.123Z → 20260321T091530123Z: sorts by time and is valid on every file system. */
function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** Duck-typed: errors from node:fs are built in another realm under Jest, where `instanceof Error` fails. */
function describe(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
