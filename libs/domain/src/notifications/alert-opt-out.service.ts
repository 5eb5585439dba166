import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@app/database/transaction';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../shared/clock';
import { ActionForbidden } from '../shared/errors';
import { ALERT_OPT_OUT_KEY, verifyAlertOptOutToken } from './alert-opt-out-token';
import type { AlertOptOutView } from './notification.dto';

export class AlertOptOutTokenRefused extends ActionForbidden {
  constructor(reason: 'malformed' | 'signature' | 'expired') {
    super(
      reason === 'expired' ? 'NOTIFICATION.OPT_OUT_TOKEN_EXPIRED' : 'NOTIFICATION.OPT_OUT_TOKEN_INVALID',
      reason === 'expired'
        ? 'This opt-out link has expired: change your alert emails in your notification settings instead'
        : 'This opt-out link is not valid',
    );
  }
}

interface Addressee {
  organizationId: string;
  email: string;
  /** The organization's user at that address, if any: their opt-out is their notification preference. */
  user: { id: string; emailEnabled: boolean } | null;
}

/**
 * The one-click opt-out behind every alert email's link (no login; the signed token is the authority). A user's
 * opt-out switches their alert emails off in their notification preferences, where they can switch them on again;
 * an address without an account is recorded in alert_email_opt_outs. Opening the link changes nothing (link
 * scanners open links too): only the POST, a mail client's one-click or the page's button, does.
 */
@Injectable()
export class AlertOptOutService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(ALERT_OPT_OUT_KEY) private readonly key: string,
  ) {}

  async info(token: string): Promise<AlertOptOutView> {
    const { organizationId, email } = this.verify(token);
    return this.db.forOrganization(organizationId, () =>
      this.db.transaction(async (tx) => {
        const who = await this.addressee(tx, organizationId, email);
        return { email, optedOut: await this.optedOut(tx, who) };
      }),
    );
  }

  async optOut(token: string): Promise<AlertOptOutView> {
    const { organizationId, email } = this.verify(token);
    return this.db.forOrganization(organizationId, () =>
      this.db.transaction(async (tx) => {
        const who = await this.addressee(tx, organizationId, email);
        const before = await this.optedOut(tx, who);
        if (!before) {
          if (who.user) {
            await tx.query(
              `INSERT INTO notification_preferences (user_id, organization_id, email_enabled) VALUES ($1, $2, false)
               ON CONFLICT (user_id) DO UPDATE SET email_enabled = false, updated_at = now()`,
              [who.user.id, organizationId],
            );
          } else {
            await tx.query(
              `INSERT INTO alert_email_opt_outs (organization_id, email) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
              [organizationId, email],
            );
          }
          await this.audit.record(
            tx,
            { organizationId, userId: who.user?.id ?? null },
            'notification_preferences.opted_out',
            who.user ? 'user' : 'email',
            who.user?.id ?? null,
            { email, alertEmails: true },
            { email, alertEmails: false, by: 'one-click link' },
          );
        }
        return { email, optedOut: true };
      }),
    );
  }

  private verify(token: string): { organizationId: string; email: string } {
    const check = verifyAlertOptOutToken(this.key, token, this.clock.now());
    if (!check.ok) throw new AlertOptOutTokenRefused(check.reason);
    return check;
  }

  private async addressee(tx: EntityManager, organizationId: string, email: string): Promise<Addressee> {
    const rows: Array<{ org: string; user_id: string | null; email_enabled: boolean | null }> = await tx.query(
      `SELECT o.id AS org, u.id AS user_id, np.email_enabled
         FROM organizations o
         LEFT JOIN users u ON u.organization_id = o.id AND lower(u.email) = $2
         LEFT JOIN notification_preferences np ON np.user_id = u.id
        WHERE o.id = $1`,
      [organizationId, email],
    );
    // A signed link of an organization that no longer exists is as good as a forged one.
    if (rows.length === 0) throw new AlertOptOutTokenRefused('signature');
    const [row] = rows;
    return {
      organizationId,
      email,
      user: row.user_id ? { id: row.user_id, emailEnabled: row.email_enabled ?? true } : null,
    };
  }

  private async optedOut(tx: EntityManager, who: Addressee): Promise<boolean> {
    if (who.user) return !who.user.emailEnabled;
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM alert_email_opt_outs WHERE organization_id = $1 AND email = $2`,
      [who.organizationId, who.email],
    );
    return rows.length > 0;
  }
}
