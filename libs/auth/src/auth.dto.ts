import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, Validate } from 'class-validator';
import { IsIanaTimezone, PasswordRules, ROLES, UserView, type Role } from '@app/domain';

export class LoginDto {
  @ApiProperty({ example: 'manager@demo.test' }) @IsEmail() @Length(3, 254) email!: string;
  @ApiProperty({ example: 'throughline-demo', format: 'password' }) @IsString() @Length(1, 1024) password!: string;
}

export class SignupDto {
  @ApiProperty({ example: 'Northstar Partners', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'organizationName must not be blank' })
  organizationName!: string;
  @ApiProperty({ example: 'Alex Morgan', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
  @ApiProperty({ example: 'alex@northstar.example' }) @IsEmail() @Length(3, 254) email!: string;
  @PasswordRules() password!: string;
  @ApiPropertyOptional({ example: 'Europe/London', default: 'UTC' })
  @IsOptional()
  @Validate(IsIanaTimezone)
  timezone?: string;
}

export class SignupVerifyDto {
  @ApiProperty({ description: 'The token from the emailed sign-up link' }) @IsString() @Length(20, 200) token!: string;
}

export class SignupAcceptedView {
  @ApiProperty({
    enum: ['accepted'],
    description: 'The same answer whether or not the email already has an account: the next step is in the email',
  })
  status!: 'accepted';
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Ends this session; without it, every session of the caller ends' })
  @IsOptional()
  @IsString()
  @Length(20, 200)
  refreshToken?: string;
}

export class TokenPairView {
  @ApiProperty({ description: 'JWT (HS256), short-lived; send as Authorization: Bearer' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque, single use: each refresh returns a new one' }) refreshToken!: string;
}

export class AuthSessionView extends TokenPairView {
  @ApiProperty({ type: UserView }) user!: UserView;
}

export class MeView extends UserView {
  @ApiProperty() organizationName!: string;
  @ApiProperty() organizationTimezone!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Executive profiles linked to this user' })
  executiveIds!: string[];
}

export { ROLES, type Role };

export class ChangePasswordDto {
  @ApiProperty({ format: 'password', description: 'The password in use now' })
  @IsString()
  @Length(1, 1024)
  currentPassword!: string;
  @PasswordRules() newPassword!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'manager@demo.test' }) @IsEmail() @Length(3, 254) email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the emailed link' }) @IsString() @Length(20, 200) token!: string;
  @PasswordRules() newPassword!: string;
}

export class PasswordResetAcceptedView {
  @ApiProperty({ enum: ['accepted'], description: 'The same answer whether or not the email belongs to an account' })
  status!: 'accepted';
}
