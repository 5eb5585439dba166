import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsUUID, Matches, Max, Min, Validate } from 'class-validator';
import { IsIanaTimezone } from '../organizations/organization.dto';
import { PageQueryDto } from '../shared/pagination';
import { Nullable, Optional } from '../shared/validation';
import { ADMIN_DIGEST_KINDS, DIGEST_KINDS, type AdminDigestKind, type DigestKind } from './digest.entity';
import { WEEKDAYS, type Weekday } from './digest-schedule';

const ISO_WEEK = /^\d{4}-W\d{2}$/;

/** PUT /me/digest-preferences: the whole set; null hands a field back to the organization's default. */
export class DigestPreferencesDto {
  @ApiProperty({
    enum: WEEKDAYS,
    nullable: true,
    description: "Day of the digest, your local time; null: the organization's default",
  })
  @Nullable()
  @IsIn(WEEKDAYS)
  weekday!: Weekday | null;

  @ApiProperty({
    minimum: 0,
    maximum: 23,
    nullable: true,
    type: Number,
    description: "Hour of the digest, your local time; null: the organization's default",
  })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(23)
  hour!: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Europe/Berlin',
    description: "Your IANA timezone (also used for your dashboard dates); null: the organization's",
  })
  @Nullable()
  @Validate(IsIanaTimezone)
  timezone!: string | null;

  @ApiProperty({ description: 'true: no weekly digest for you' })
  @IsBoolean()
  optedOut!: boolean;

  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: "Do not send a digest that has nothing to report; null: the organization's default",
  })
  @Nullable()
  @IsBoolean()
  skipWhenEmpty!: boolean | null;

  @ApiPropertyOptional({
    enum: ADMIN_DIGEST_KINDS,
    nullable: true,
    description: 'Admins only: which digest you get (default portfolio)',
  })
  @Nullable()
  @IsIn(ADMIN_DIGEST_KINDS)
  kind?: AdminDigestKind | null;
}

export class DigestPreferenceChoices {
  @ApiProperty() weekday!: boolean;
  @ApiProperty() hour!: boolean;
  @ApiProperty() timezone!: boolean;
  @ApiProperty() optedOut!: boolean;
  @ApiProperty() skipWhenEmpty!: boolean;
}

export class DigestPreferencesView {
  @ApiProperty({ enum: WEEKDAYS }) weekday!: Weekday;
  @ApiProperty({ minimum: 0, maximum: 23 }) hour!: number;
  @ApiProperty({ description: 'The timezone your digest follows (yours, else the organization’s)' }) timezone!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Your own timezone, null when you follow the organization',
  })
  ownTimezone!: string | null;
  @ApiProperty() optedOut!: boolean;
  @ApiProperty() skipWhenEmpty!: boolean;
  @ApiProperty({ enum: DIGEST_KINDS, description: 'The digest you get: follows from your role (admins choose)' })
  kind!: DigestKind;
  @ApiProperty({
    type: DigestPreferenceChoices,
    description: 'true where a value is your own choice, false where it follows the organization',
  })
  chosen!: DigestPreferenceChoices;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When your next digest is due (null when opted out)',
  })
  nextDigestAt!: string | null;
}

export class DigestPreviewQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Whose digest (default: yours); another user needs the admin role',
  })
  @Optional()
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({
    example: '2026-W48',
    description: "ISO week in the recipient's timezone (default: the current one)",
  })
  @Optional()
  @Matches(ISO_WEEK, { message: 'week must be an ISO week such as 2026-W48' })
  week?: string;

  @ApiPropertyOptional({
    enum: ['json', 'html'],
    default: 'json',
    description: 'html: the email body itself (text/html)',
  })
  @Optional()
  @IsIn(['json', 'html'])
  format?: 'json' | 'html';
}

export class DigestPreviewView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: '2026-W48' }) isoWeek!: string;
  @ApiProperty({ enum: DIGEST_KINDS }) kind!: DigestKind;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'true: nothing to report (it would be skipped when skip-when-empty is on)' })
  empty!: boolean;
  @ApiProperty({ description: 'Would be skipped for this recipient' }) wouldSkip!: boolean;
  @ApiProperty({ description: 'The HTML body, exactly as emailed' }) html!: string;
  @ApiProperty({ description: 'The plain-text part' }) text!: string;
}

export class SendDigestsNowDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One user; leave out for everyone in the organization who has not opted out',
  })
  @Optional()
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Send again even if the recipient already has this week’s digest',
  })
  @Optional()
  @IsBoolean()
  force?: boolean;
}

export class QueuedDigestView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ example: '2026-W48' }) isoWeek!: string;
}

export class SendDigestsNowView {
  @ApiProperty({ description: 'Digests queued (one per recipient; each still at most one per week unless forced)' })
  queued!: number;
  @ApiProperty({ type: [QueuedDigestView] }) recipients!: QueuedDigestView[];
}

export class DigestHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins: one recipient' })
  @Optional()
  @IsUUID('all')
  userId?: string;
  @ApiPropertyOptional({ example: '2026-W48' })
  @Optional()
  @Matches(ISO_WEEK, { message: 'week must be an ISO week such as 2026-W48' })
  week?: string;
}

export const DIGEST_HISTORY_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DigestHistoryStatus = (typeof DIGEST_HISTORY_STATUSES)[number];

export class DigestHistoryItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty() recipientName!: string;
  @ApiProperty({ example: '2026-W48' }) isoWeek!: string;
  @ApiProperty({ enum: DIGEST_KINDS }) kind!: DigestKind;
  @ApiProperty({ enum: DIGEST_HISTORY_STATUSES }) status!: DigestHistoryStatus;
  @ApiProperty({ enum: ['schedule', 'send_now'] }) trigger!: 'schedule' | 'send_now';
  @ApiProperty() forced!: boolean;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty() engagementCount!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class DigestHistoryPage {
  @ApiProperty({ type: [DigestHistoryItemView] }) items!: DigestHistoryItemView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The signed token from the digest email' })
  @Matches(/^[\w.-]{1,200}$/, { message: 'token is malformed' })
  token!: string;
}

/** RFC 8058 one-click body (`List-Unsubscribe=One-Click`), sent form-encoded by mail providers; JSON works too. */
export class OneClickUnsubscribeDto {
  @ApiPropertyOptional({ enum: ['One-Click'] }) @Optional() @IsIn(['One-Click']) 'List-Unsubscribe'?: 'One-Click';
}

export class UnsubscribeView {
  @ApiProperty() email!: string;
  @ApiProperty() optedOut!: boolean;
}
