import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../shared/pagination';
import { Optional } from '../shared/validation';
import { ALERT_EVENT_KINDS, ALERT_STATUSES, type AlertEventKind, type AlertStatus } from './drift-alert.entity';
import { DRIFT_RULES, SEVERITIES, type DriftRule, type Severity, type SubjectType } from './drift-types';

export class ListAlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATUSES }) @Optional() @IsIn(ALERT_STATUSES) status?: AlertStatus;
  @ApiPropertyOptional({ enum: SEVERITIES }) @Optional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({
    enum: DRIFT_RULES,
    description: 'A rule hidden from your role (client viewers: allocation_mismatch) is refused with 400',
  })
  @Optional()
  @IsIn(DRIFT_RULES)
  rule?: DriftRule;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') engagementId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') clientId?: string;
}

export class ResolveAlertDto {
  @ApiProperty({ maxLength: 2000, example: 'Agreed a new plan with the client; tracked in the next check-in' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;
}

export class AlertEventView {
  @ApiProperty({ enum: ALERT_EVENT_KINDS }) kind!: AlertEventKind;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DRIFT_RULES }) rule!: DriftRule;
  @ApiProperty({ enum: ['milestone', 'priority', 'engagement', 'owner'] }) subjectType!: SubjectType;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) engagementId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clientId!: string | null;
  @ApiProperty({ nullable: true, type: String }) clientName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The engagement’s function (CRO, CMO, CPO); null across engagements',
  })
  engagementFunction!: string | null;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: AlertStatus;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'Since when the condition has held (a milestone overdue since the day after its due date), in the organization’s timezone; null when the rule cannot tell (then firstSeenAt)',
  })
  conditionSince!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) firstSeenAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionNote!: string | null;
}

export class AlertDetailView extends AlertView {
  @ApiProperty({ type: [AlertEventView], description: 'Raised, escalated, acknowledged, resolved — oldest first' })
  history!: AlertEventView[];
}

export class AlertPage {
  @ApiProperty({ type: [AlertView] }) items!: AlertView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export const BULK_ALERT_ACTIONS = ['acknowledge', 'resolve'] as const;
export type BulkAlertAction = (typeof BULK_ALERT_ACTIONS)[number];
/** A screenful of the inbox: the most a bulk action takes at once. */
export const BULK_ALERTS_MAX = 100;

export class BulkAlertActionDto {
  @ApiProperty({ enum: BULK_ALERT_ACTIONS }) @IsIn(BULK_ALERT_ACTIONS) action!: BulkAlertAction;
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: BULK_ALERTS_MAX, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'alertIds must name at least one alert' })
  @ArrayMaxSize(BULK_ALERTS_MAX, { message: `alertIds can name at most ${BULK_ALERTS_MAX} alerts` })
  @ArrayUnique({ message: 'alertIds must not repeat an alert' })
  @IsUUID('all', { each: true, message: 'each of alertIds must be an alert id (a UUID)' })
  alertIds!: string[];
  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to resolve: how they were resolved (all of them)' })
  @ValidateIf((o: BulkAlertActionDto) => o.action === 'resolve' || o.note !== undefined)
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note?: string;
}

export class BulkAlertActionView {
  @ApiProperty({ enum: BULK_ALERT_ACTIONS }) action!: BulkAlertAction;
  @ApiProperty({ description: 'How many alerts changed (already acknowledged ones are left as they are)' })
  changed!: number;
  @ApiProperty({ type: [AlertView], description: 'Every alert named, as it is now' }) alerts!: AlertView[];
}
