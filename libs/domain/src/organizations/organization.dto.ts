import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsString, Length, Matches, Max, Min, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
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
  @Optional() @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @Optional() @Validate(IsIanaTimezone)
  timezone?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, description: 'Most active priorities per engagement' })
  @Optional() @IsInt() @Min(1) @Max(20)
  focusCap?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'on_track while progress ≥ expected − this' })
  @Optional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  healthAtRiskBelow?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'off_track once progress < expected − this' })
  @Optional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  healthOffTrackBelow?: number;
}

export class OrganizationSettingsView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() focusCap!: number;
  @ApiProperty() healthAtRiskBelow!: number;
  @ApiProperty() healthOffTrackBelow!: number;
}
