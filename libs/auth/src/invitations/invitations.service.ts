import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Db } from '@app/database/transaction';
import {
  AccessService,
  Actor,
  AuditService,
  Clock,
  Conflict,
  hashPassword,
  IdempotencyService,
  InvalidInput,
  NotFound,
  NotificationJobs,
  RoleForbidden,
  totalFromPage,
  UsersService,
  type Page,
} from '@app/domain';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import type { AuthSessionView } from '../auth.dto';
import { hashToken, TokenService } from '../token.service';
import { invitationEmail } from './invitation-email';
import {
  INVITATION_VALID_DAYS,
  invalidInvitationToken,
  invitationExpiry,
  invitationLinkProblem,
  invitationStatus,
  mayInviteRole,
} from './invitation-lifecycle';
import type {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationLinkView,
  InvitationView,
  ListInvitationsQueryDto,
} from './invitations.dto';
import { InvitationsRepository, type InvitationRow } from './invitations.repository';

/**
 * Invitations: the only way the API creates a user in an existing organization (issue 18, item 2). Admins invite
 * anyone; account managers invite client viewers of the clients they manage and placed executives, and reach only
 * the invitations they sent. The answer never depends on whether the address has an account in another
 * organization (issue 15, finding 4): the same invitation is stored and the same email sent; only the invitee, on
 * the page the link opens, learns that the address is taken. The link's token is stored as its SHA-256, valid
 * 7 days, replaced by a resend, ended by a revoke, used up by the acceptance.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly db: Db,
    private readonly invitations: InvitationsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
    private readonly jobs: NotificationJobs,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async invite(actor: Actor, input: CreateInvitationDto): Promise<InvitationView> {
    this.access.permit(actor, 'invitations.send', 'invite users');
    if (!mayInviteRole(actor.role, input.role)) throw new RoleForbidden(`invite users with role ${input.role}`);
    const clientIds = input.clientIds ?? [];
    if (clientIds.length && input.role !== 'client_viewer')
      throw new InvalidInput(
        'USER.GRANTS_ONLY_FOR_CLIENT_VIEWERS',
        'clientIds can only be granted to client_viewer users',
      );
    const managerOnly = actor.role === 'admin' ? null : actor.userId;
    if (managerOnly && input.role === 'client_viewer' && clientIds.length === 0)
      throw new InvalidInput('INVITATION.CLIENTS_REQUIRED', 'clientIds must name at least one client you manage');
    const email = input.email.trim().toLowerCase();
    const name = input.name?.trim() || null;
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    // The transaction's result is what a retry with the same Idempotency-Key gets back: the view alone.
    let outboxId: string | undefined;
    const view = await this.idempotency.transaction(async (tx) => {
      // Only this organization's users are visible here; another organization's are not looked at (no oracle).
      if (await this.invitations.memberWithEmail(tx, actor.organizationId, email))
        throw new Conflict('USER.EMAIL_TAKEN', `A user with email ${email} already exists in this organization`);
      const open = await this.invitations.lockOpenForEmail(tx, actor.organizationId, email);
      if (open && invitationStatus(open, now) === 'pending')
        throw new Conflict('INVITATION.ALREADY_PENDING', `An invitation to ${email} is already pending: resend it`, {
          invitationId: open.id,
        });
      if (open) await this.invitations.revoke(tx, actor.organizationId, open.id, now);
      if (clientIds.length) {
        const found = await this.invitations.clientsInReach(tx, actor.organizationId, clientIds, managerOnly);
        const missing = clientIds.filter((c) => !found.includes(c));
        if (missing.length)
          throw new InvalidInput(
            'USER.CLIENT_INVALID',
            `${managerOnly ? 'Not clients you manage' : 'Not clients of this organization'}: ${missing.join(', ')}`,
          );
      }
      const id = await this.invitations.insert(tx, {
        organizationId: actor.organizationId,
        email,
        name,
        role: input.role,
        clientIds,
        tokenHash: hashToken(token),
        expiresAt: invitationExpiry(now),
        invitedBy: actor.userId,
        now,
      });
      const row = await this.row(tx, actor, id);
      outboxId = await this.queueEmail(tx, actor, row, token);
      const created = toView(row, now);
      await this.audit.record(tx, actor, 'invitation.created', 'invitation', id, null, created);
      return created;
    });
    if (outboxId) await this.deliverAfterCommit(outboxId);
    return view;
  }

  /**
   * After the commit: the email's delivery job. The outbox row is already committed, so a queue (or database) outage
   * here must not turn a done invitation into an error: the worker re-enqueues pending outbox rows when it starts and
   * when its queue connection comes back.
   */
  private async deliverAfterCommit(outboxId: string): Promise<void> {
    try {
      await this.jobs.deliver([outboxId]);
    } catch (error) {
      this.logger.warn(
        `could not enqueue the invitation email ${outboxId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async list(actor: Actor, query: ListInvitationsQueryDto): Promise<Page<InvitationView>> {
    this.access.permit(actor, 'invitations.send', 'list invitations');
    const now = this.clock.now();
    const rows = await this.invitations.page(this.db.reader, actor.organizationId, query, this.reachOf(actor), now);
    let total = totalFromPage(rows, query.offset);
    if (total === null) {
      const [first] = await this.invitations.page(
        this.db.reader,
        actor.organizationId,
        { ...query, offset: 0, limit: 1 },
        this.reachOf(actor),
        now,
      );
      total = first ? Number(first.total) : 0;
    }
    return { items: rows.map((r) => toView(r, now)), total, limit: query.limit, offset: query.offset };
  }

  /** A new link (the old one stops working), valid 7 days from now, emailed again. */
  async resend(actor: Actor, id: string): Promise<InvitationView> {
    this.access.permit(actor, 'invitations.send', 'resend invitations');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const { view, outboxId } = await this.db.transaction(async (tx) => {
      const before = await this.locked(tx, actor, id);
      const status = invitationStatus(before, now);
      if (status === 'accepted' || status === 'revoked')
        throw new Conflict('INVITATION.NOT_OPEN', `The invitation was ${status}: invite again instead`);
      await this.invitations.renew(tx, actor.organizationId, id, hashToken(token), invitationExpiry(now), now);
      const row = await this.row(tx, actor, id);
      const outboxId = await this.queueEmail(tx, actor, row, token);
      const view = toView(row, now);
      await this.audit.record(tx, actor, 'invitation.resent', 'invitation', id, toView(before, now), view);
      return { view, outboxId };
    });
    await this.deliverAfterCommit(outboxId);
    return view;
  }

  /** The link stops working; revoking a revoked invitation changes nothing. */
  async revoke(actor: Actor, id: string): Promise<InvitationView> {
    this.access.permit(actor, 'invitations.send', 'revoke invitations');
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const before = await this.locked(tx, actor, id);
      const status = invitationStatus(before, now);
      if (status === 'accepted')
        throw new Conflict('INVITATION.NOT_OPEN', 'The invitation was accepted: disable the user instead');
      if (status === 'revoked') return toView(before, now);
      await this.invitations.revoke(tx, actor.organizationId, id, now);
      const row = await this.row(tx, actor, id);
      const view = toView(row, now);
      await this.audit.record(tx, actor, 'invitation.revoked', 'invitation', id, toView(before, now), view);
      return view;
    });
  }

  /** What the invitee's page shows before they choose a password; a bad link → 403, a spent one → 410. */
  async inspect(token: string): Promise<InvitationLinkView> {
    const { row, existingAccount } = await this.db.asSystem('invitation', () =>
      this.db.transaction(async (tx) => {
        const row = await this.invitations.findByToken(tx, hashToken(token));
        if (!row) throw invalidInvitationToken();
        const problem = invitationLinkProblem(invitationStatus(row, this.clock.now()));
        if (problem) throw problem;
        return { row, existingAccount: await this.invitations.accountExists(tx, row.email) };
      }),
    );
    const organizationName = await this.db.forOrganization(row.organization_id, () =>
      this.invitations.organizationName(this.db.reader, row.organization_id),
    );
    return {
      email: row.email,
      name: row.name,
      role: row.role,
      organizationName,
      expiresAt: row.expires_at.toISOString(),
      existingAccount,
    };
  }

  /**
   * Follows the link: creates the user with the invitation's role and grants and the chosen password, uses the
   * invitation up and signs the new user in, in one transaction. Concurrent acceptances: the row lock lets one win.
   */
  async accept(input: AcceptInvitationDto): Promise<AuthSessionView> {
    const tokenHash = hashToken(input.token);
    const { found, existingAccount } = await this.db.asSystem('invitation', () =>
      this.db.transaction(async (tx) => {
        const found = await this.invitations.findByToken(tx, tokenHash);
        return { found, existingAccount: !!found && (await this.invitations.accountExists(tx, found.email)) };
      }),
    );
    if (!found) throw invalidInvitationToken();
    const early = invitationLinkProblem(invitationStatus(found, this.clock.now()));
    if (early) throw early;
    // Told only to the link's holder (the address's mailbox); an account created meanwhile is caught by insertUser.
    if (existingAccount)
      throw new Conflict(
        'USER.EMAIL_TAKEN',
        `${found.email} already has a Throughline account: log in with it instead`,
      );
    const passwordHash = await hashPassword(input.password);
    const organizationId = found.organization_id;
    return this.db.forOrganization(organizationId, async () => {
      const { userId, issued } = await this.db.transaction(async (tx) => {
        const row = await this.invitations.lockByToken(tx, organizationId, tokenHash);
        if (!row) throw invalidInvitationToken();
        const now = this.clock.now();
        const problem = invitationLinkProblem(invitationStatus(row, now));
        if (problem) throw problem;
        // An address with an account anywhere answers 409 USER.EMAIL_TAKEN: only the invitee (who holds the link
        // from their mailbox) gets to know it.
        const user = await this.users.insertInvited(tx, organizationId, row.invited_by, {
          email: row.email,
          name: input.name,
          role: row.role,
          passwordHash,
          timezone: input.timezone ?? null,
          clientIds: row.client_ids,
        });
        await this.invitations.markAccepted(tx, organizationId, row.id, user.id, now);
        await this.audit.record(
          tx,
          { organizationId, userId: user.id },
          'invitation.accepted',
          'invitation',
          row.id,
          toView(row, now),
          { status: 'accepted', userId: user.id },
        );
        return { userId: user.id, issued: await this.tokens.issue(tx, user) };
      });
      return { ...issued, user: await this.users.getInOrganization(organizationId, userId) };
    });
  }

  private reachOf(actor: Actor): string | null {
    return actor.role === 'admin' ? null : actor.userId;
  }

  private async locked(tx: Parameters<InvitationsRepository['get']>[0], actor: Actor, id: string) {
    const row = await this.invitations.get(tx, actor.organizationId, id, this.reachOf(actor), true);
    if (!row) throw new NotFound('Invitation', id);
    return row;
  }

  private async row(tx: Parameters<InvitationsRepository['get']>[0], actor: Actor, id: string) {
    const row = await this.invitations.get(tx, actor.organizationId, id, null);
    if (!row) throw new NotFound('Invitation', id);
    return row;
  }

  private async queueEmail(
    tx: Parameters<InvitationsRepository['get']>[0],
    actor: Actor,
    row: InvitationRow,
    token: string,
  ): Promise<string> {
    const message = invitationEmail({
      name: row.name,
      inviter: (await this.invitations.userName(tx, actor.organizationId, actor.userId)) ?? 'Someone',
      organizationName: await this.invitations.organizationName(tx, actor.organizationId),
      role: row.role,
      publicUrl: this.options.publicUrl,
      token,
      validDays: INVITATION_VALID_DAYS,
    });
    return this.invitations.queueEmail(tx, actor.organizationId, { email: row.email, name: row.name }, message);
  }
}

export function toView(r: InvitationRow, now: Date): InvitationView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    clientIds: r.client_ids ?? [],
    status: invitationStatus(r, now),
    expiresAt: r.expires_at.toISOString(),
    invitedById: r.invited_by,
    invitedByName: r.invited_by_name,
    sentCount: r.sent_count,
    lastSentAt: r.last_sent_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}
