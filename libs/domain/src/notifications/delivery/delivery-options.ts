import { DEFAULT_SEND_TIMEOUT_MS, type MailerConfig } from './mailer';
import { WEBHOOK_TIMEOUT_MS } from './webhook-sender';

export interface DeliveryOptions {
  /** This many failed webhook calls in a row disable the webhook and tell the organization's admins. */
  disableWebhookAfterFailures: number;
  /** Base URL of the dashboard, for the link in the "webhook disabled" email. */
  publicUrl: string;
  /**
   * How long a claimed outbox row is left to its sender before another may take it (and send it again). Longer than
   * any one send (the mailer's timeout, the webhook's 5 s), so a live sender never loses its row.
   */
  leaseSeconds: number;
}

export const DELIVERY_OPTIONS = Symbol('DELIVERY_OPTIONS');
export const MAILER = Symbol('MAILER');

/**
 * The mailer's send timeout (20 s) plus room for the claim before and the commit after: long enough that a live
 * sender keeps its row, short enough that a killed sender's rows go out again within about half a minute.
 */
export const DEFAULT_DELIVERY_LEASE_SECONDS = 30;

/** Refuses at boot a lease that a slow but live send could outlast: the row would be sent twice for nothing. */
export function assertLeaseOutlastsSends(options: DeliveryOptions, mail: MailerConfig): void {
  const longestSendSeconds = Math.max(WEBHOOK_TIMEOUT_MS, mail.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS) / 1000;
  if (!(options.leaseSeconds > longestSendSeconds)) {
    throw new Error(
      `The delivery lease (${options.leaseSeconds} s) must be longer than the longest send (${longestSendSeconds} s)`,
    );
  }
}
