import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';
import { API_TOKEN_MAX_DAYS } from './api-token-rules';
import { API_TOKEN_SCOPES, type ApiTokenScope } from './api-token.entity';

export class CreateApiTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Nightly BI export', description: 'What the token is for' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    enum: API_TOKEN_SCOPES,
    description: 'read: GET requests only (anything else answers 403); write: everything your role may do',
  })
  @IsIn(API_TOKEN_SCOPES)
  scope!: ApiTokenScope;

  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-31T23:59:59Z',
    description: `When the token stops working: in the future, at most ${API_TOKEN_MAX_DAYS} days ahead`,
  })
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt!: string;
}

export class ApiTokenView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_TOKEN_SCOPES }) scope!: ApiTokenScope;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'To the minute' })
  lastUsedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class CreatedApiTokenView extends ApiTokenView {
  @ApiProperty({
    description: 'The token: shown once, only its hash is stored. Send it as `Authorization: Bearer <token>`.',
    example: 'thl_pat_3q2-7wEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE',
  })
  token!: string;
}
