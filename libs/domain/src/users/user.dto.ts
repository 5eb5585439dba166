import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Length,
  Matches,
  Validate,
  ValidateBy,
} from 'class-validator';
import { commonPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';
import { Optional, Nullable } from '../shared/validation';
import { IsIanaTimezone } from '../organizations/organization.dto';
import { PageQueryDto } from '../shared/pagination';
import { ROLES, type Role } from './user.entity';

/** Every password a person sets (sign-up, user creation, password change and reset): length and the common-password list. */
export const PasswordRules = () => (target: object, key: string) => {
  ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
    description: 'Not one of the 30,000 most common passwords (nor one padded with digits or repeated)',
  })(target, key);
  IsString()(target, key);
  Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `${key} must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`,
  })(target, key);
  // Judges only a string the checks above accepted (commonPasswordProblem ignores a wrong length): a field's cheap
  // checks come first, and a failed one spares the costly one.
  ValidateBy({
    name: 'isNotCommonPassword',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || commonPasswordProblem(value) === null,
      defaultMessage: (args) =>
        `${args?.property ?? key} ${commonPasswordProblem(String(args?.value)) ?? 'is too common'}: choose a longer, less guessable passphrase`,
    },
  })(target, key);
};

/** What anyone may change about themselves (PATCH /me): role, email and grants are managed by admins. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;
  @ApiPropertyOptional({
    type: String,
    example: 'America/New_York',
    nullable: true,
    description: "IANA timezone for dates and times; null follows the organization's",
  })
  @Nullable()
  @Validate(IsIanaTimezone)
  timezone?: string | null;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
}

export class ClientGrantsDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500, uniqueItems: true })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  clientIds!: string[];
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES }) @Optional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ enum: ['active', 'disabled'] }) @Optional() @IsIn(['active', 'disabled']) status?:
    'active' | 'disabled';
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) timezone!: string | null;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Granted clients (client viewers)' })
  clientIds!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
