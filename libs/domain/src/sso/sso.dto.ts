import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUrl,
  Length,
  Matches,
} from 'class-validator';
import { Optional } from '../shared/validation';
import { ROLES, type Role } from '../users/user.entity';

export class SsoSettingsDto {
  @ApiProperty({
    description: "The IdP's issuer URL (its discovery document is <issuer>/.well-known/openid-configuration)",
  })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @Length(1, 2000)
  issuer!: string;

  @ApiProperty({ minLength: 1, maxLength: 500 }) @IsString() @Length(1, 500) clientId!: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 2000,
    format: 'password',
    description: 'Required the first time; left out, the stored one stays. Stored encrypted, never shown again.',
  })
  @Optional()
  @IsString()
  @Length(1, 2000)
  clientSecret?: string;

  @ApiProperty({
    type: [String],
    maxItems: 50,
    example: ['acme.com'],
    description: 'Who may sign in: email domains (exactly, no subdomains), each at most one organization',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, {
    each: true,
    message: 'each of allowedDomains must be a domain like acme.com',
  })
  allowedDomains!: string[];

  @ApiProperty({ enum: ROLES, description: 'The role of a person signing in for the first time' })
  @IsIn(ROLES)
  defaultRole!: Role;

  @ApiProperty({ description: 'Offer "Sign in with …" on the login page' }) @IsBoolean() enabled!: boolean;
}

export class SsoSettingsView {
  @ApiProperty() configured!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true }) issuer!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  @ApiProperty({ description: 'Whether a client secret is stored (it is never shown)' }) hasClientSecret!: boolean;
  @ApiProperty({ type: [String] }) allowedDomains!: string[];
  @ApiProperty({ enum: ROLES, nullable: true }) defaultRole!: Role | null;
  @ApiProperty({ description: 'Register this as the redirect URI at the IdP' }) redirectUri!: string;
}

export class SsoDiscoverQueryDto {
  @ApiProperty({ example: 'ann@acme.com' }) @IsEmail() @Length(3, 320) email!: string;
}

export class SsoDiscoveryView {
  @ApiProperty({ description: 'Whether the address belongs to an organization that signs in with its IdP' })
  available!: boolean;
  @ApiPropertyOptional({ example: 'Sign in with login.acme.com' }) label?: string;
}

export class SsoStartDto {
  @ApiProperty({ example: 'ann@acme.com' }) @IsEmail() @Length(3, 320) email!: string;
}

export class SsoStartView {
  @ApiProperty({ description: "The IdP's authorization URL: send the browser there" }) authorizationUrl!: string;
}

export class SsoCallbackDto {
  @ApiProperty({
    maxLength: 8000,
    example: '?code=abc&state=xyz',
    description: 'The query string the IdP sent the browser back with (to /sso/callback)',
  })
  @IsString()
  @Length(1, 8000)
  callbackQuery!: string;
}
