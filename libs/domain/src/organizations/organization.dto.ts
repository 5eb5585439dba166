import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Optional } from '../shared/validation';
import { isValidIanaZone } from '../health/calendar';

@ValidatorConstraint({ name: 'ianaTimezone' })
export class IsIanaTimezone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value.length <= 64 && isValidIanaZone(value);
  }
  defaultMessage(): string {
    return '$property must be an IANA timezone such as Europe/Berlin';
  }
}

export class UpdateOrganizationSettingsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @Optional()
  @Validate(IsIanaTimezone)
  timezone?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, description: 'Most active priorities per engagement' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(20)
  focusCap?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'on_track while progress ≥ expected − this' })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  healthAtRiskBelow?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'off_track once progress < expected − this' })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  healthOffTrackBelow?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    description: 'An open milestone overdue by more than this many days makes its priority at_risk (4× → off_track)',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(365)
  overdueAtRiskDays?: number;

  @ApiPropertyOptional({
    description: 'Weekly digests for users who have not chosen themselves (false: opted out by default)',
  })
  @Optional()
  @IsBoolean()
  digestsEnabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, description: 'Default digest weekday, ISO (1 = Monday)' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(7)
  digestWeekday?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'Default digest hour, local time of each recipient' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number;

  @ApiPropertyOptional({ description: 'Default: do not send a digest that has nothing to report' })
  @Optional()
  @IsBoolean()
  digestSkipWhenEmpty?: boolean;

  @ApiPropertyOptional({
    description:
      'Send alert emails to executives and owners who have no user account, at the email on their profile (default false)',
  })
  @Optional()
  @IsBoolean()
  notifyPeopleWithoutAccount?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    description:
      "Alert (engagement_term_ending) once an engagement's notice deadline is this many days away (default 30)",
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(365)
  termNoticeWarningDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, description: 'The check-in day, ISO weekday 1 = Monday (default 1)' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(7)
  checkInWeekday?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 14,
    description:
      'Alert (check_in_missed) when a due check-in is still missing this many days after its day (default 2)',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(14)
  checkInMissedAfterDays?: number;

  @ApiPropertyOptional({
    description: 'Priority owners with an account get check-in reminders and may check in (default false)',
  })
  @Optional()
  @IsBoolean()
  ownersMayCheckIn?: boolean;
}

export class OrganizationSettingsView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() focusCap!: number;
  @ApiProperty() healthAtRiskBelow!: number;
  @ApiProperty() healthOffTrackBelow!: number;
  @ApiProperty() overdueAtRiskDays!: number;
  @ApiProperty() digestsEnabled!: boolean;
  @ApiProperty({ minimum: 1, maximum: 7 }) digestWeekday!: number;
  @ApiProperty({ minimum: 0, maximum: 23 }) digestHour!: number;
  @ApiProperty() digestSkipWhenEmpty!: boolean;
  @ApiProperty() notifyPeopleWithoutAccount!: boolean;
  @ApiProperty() termNoticeWarningDays!: number;
  @ApiProperty({ minimum: 1, maximum: 7 }) checkInWeekday!: number;
  @ApiProperty({ minimum: 1, maximum: 14 }) checkInMissedAfterDays!: number;
  @ApiProperty() ownersMayCheckIn!: boolean;
}
