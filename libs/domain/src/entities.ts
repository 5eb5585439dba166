import { ApiToken } from './api-tokens/api-token.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { CheckIn } from './check-ins/check-in.entity';
import { CheckInDue, CheckInLink } from './check-ins/check-in-loop.entity';
import { ClientPulse, ClientPulseRequest } from './pulse/pulse.entity';
import { Client } from './clients/client.entity';
import { Digest, DigestPreference } from './digests/digest.entity';
import { DriftAlert, DriftAlertEvent, DriftSnapshot } from './drift/drift-alert.entity';
import { AllocationChange, Engagement } from './engagements/engagement.entity';
import { ExecutiveChange } from './executive-changes/executive-change.entity';
import { Executive } from './executives/executive.entity';
import { MilestoneForecast } from './forecast/milestone-forecast.entity';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { Milestone, MilestoneDueDateChange } from './milestones/milestone.entity';
import { AlertEmailOptOut, NotificationPreference, OutboxMessage, Webhook } from './notifications/notification.entity';
import { Organization } from './organizations/organization.entity';
import { Owner } from './owners/owner.entity';
import { EngagementRollup } from './portfolio/engagement-rollup.entity';
import { Playbook, PlaybookApplication, PlaybookVersion } from './playbooks/playbook.entity';
import { Priority } from './priorities/priority.entity';
import { Report, ReportShareLink } from './reports/report.entity';
import { OrganizationSso, SsoDomain, SsoLogin } from './sso/sso.entity';
import { Invitation } from './users/invitation.entity';
import { ClientGrant, RefreshToken, User } from './users/user.entity';
import { LoginAttempt } from './users/login-attempt.entity';
import { PasswordResetToken } from './users/password-reset-token.entity';
import { PendingSignup } from './users/pending-signup.entity';

export const ENTITIES = [
  Organization,
  User,
  ClientGrant,
  RefreshToken,
  Client,
  Executive,
  Engagement,
  AllocationChange,
  Owner,
  Priority,
  Milestone,
  MilestoneDueDateChange,
  CheckIn,
  CheckInDue,
  CheckInLink,
  ClientPulse,
  ClientPulseRequest,
  AuditEvent,
  DriftAlert,
  DriftAlertEvent,
  DriftSnapshot,
  OutboxMessage,
  Webhook,
  NotificationPreference,
  AlertEmailOptOut,
  DigestPreference,
  Digest,
  LoginAttempt,
  PasswordResetToken,
  PendingSignup,
  IdempotencyKey,
  EngagementRollup,
  Playbook,
  PlaybookVersion,
  PlaybookApplication,
  MilestoneForecast,
  ApiToken,
  Invitation,
  Report,
  ReportShareLink,
  OrganizationSso,
  SsoDomain,
  SsoLogin,
  ExecutiveChange,
];
