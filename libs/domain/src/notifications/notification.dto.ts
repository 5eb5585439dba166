import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUrl, Length, Matches } from 'class-validator';
import { WEBHOOK_FORMATS, type WebhookFormat } from './notification.entity';
import { SEVERITIES, type Severity } from '../drift/drift-types';
import { PageQueryDto } from '../shared/pagination';
import { Optional } from '../shared/validation';

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'Receive alert emails' }) @IsBoolean() emailEnabled!: boolean;
  @ApiProperty({ enum: SEVERITIES, description: 'Only alerts at or above this severity' })
  @IsIn(SEVERITIES)
  minSeverity!: Severity;
}

export class NotificationPreferencesView extends NotificationPreferencesDto {}

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/throughline' }) @IsUrl(URL_OPTIONS) @Length(1, 2000) url!: string;
  @ApiPropertyOptional({
    enum: WEBHOOK_FORMATS,
    default: 'json',
    description:
      'slack: Slack-compatible incoming-webhook body; teams: Microsoft Teams incoming-webhook body (an Adaptive Card)',
  })
  @Optional()
  @IsIn(WEBHOOK_FORMATS)
  format?: WebhookFormat;
  @ApiPropertyOptional({ enum: SEVERITIES, default: 'info' }) @Optional() @IsIn(SEVERITIES) minSeverity?: Severity;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional() @Optional() @IsUrl(URL_OPTIONS) @Length(1, 2000) url?: string;
  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS }) @Optional() @IsIn(WEBHOOK_FORMATS) format?: WebhookFormat;
  @ApiPropertyOptional({ enum: SEVERITIES }) @Optional() @IsIn(SEVERITIES) minSeverity?: Severity;
  @ApiPropertyOptional({ description: 'Re-enabling resets the failure count' })
  @Optional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_FORMATS }) format!: WebhookFormat;
  @ApiProperty({ enum: SEVERITIES }) minSeverity!: Severity;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ description: 'HMAC-SHA256 signing secret: shown once, keep it to verify x-throughline-signature' })
  secret!: string;
}

export class FailedNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['email', 'webhook'] }) @Optional() @IsIn(['email', 'webhook']) channel?:
    'email' | 'webhook';
}

export class FailedNotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) alertId!: string | null;
  @ApiProperty() event!: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) channel!: 'email' | 'webhook';
  @ApiProperty({ nullable: true, type: String }) recipient!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class FailedNotificationPage {
  @ApiProperty({ type: [FailedNotificationView] }) items!: FailedNotificationView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class AlertOptOutQueryDto {
  @ApiProperty({ description: 'The signed token from the alert email' })
  @Matches(/^[\w.-]{1,1000}$/, { message: 'token is malformed' })
  token!: string;
}

export class AlertOptOutView {
  @ApiProperty({ description: 'The address the link was sent to' }) email!: string;
  @ApiProperty({ description: 'True once alert emails to this address are off' }) optedOut!: boolean;
}
