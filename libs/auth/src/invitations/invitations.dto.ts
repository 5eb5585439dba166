import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Validate,
} from 'class-validator';
import { IsIanaTimezone, PageQueryDto, PasswordRules, ROLES, UserView, type Role } from '@app/domain';
import { AuthSessionView } from '../auth.dto';
import type { InvitationStatus } from './invitation-lifecycle';

export class CreateInvitationDto {
  @ApiProperty({ example: 'dana@client.example' }) @IsEmail() @Length(3, 254) email!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiPropertyOptional({ maxLength: 200, description: 'How to greet the invitee; they may change it when accepting' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 500,
    uniqueItems: true,
    description: 'Clients a client_viewer may see (an account manager must name clients they manage)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  clientIds?: string[];
}

const STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String], format: 'uuid' }) clientIds!: string[];
  @ApiProperty({ enum: STATUSES }) status!: InvitationStatus;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) invitedById!: string | null;
  @ApiProperty({ type: String, nullable: true }) invitedByName!: string | null;
  @ApiProperty({ description: 'Emails sent so far (1 + resends)' }) sentCount!: number;
  @ApiProperty({ type: String, format: 'date-time' }) lastSentAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class InvitationPage {
  @ApiProperty({ type: [InvitationView] }) items!: InvitationView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['open', 'pending', 'expired'],
    default: 'open',
    description: 'open: not accepted nor revoked (pending and expired)',
  })
  @IsOptional()
  @IsIn(['open', 'pending', 'expired'])
  status: 'open' | 'pending' | 'expired' = 'open';
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the emailed invitation link' })
  @IsString()
  @Length(20, 200)
  token!: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
  @PasswordRules() password!: string;
  @ApiPropertyOptional({ example: 'Europe/London', description: "Omitted: the organization's" })
  @IsOptional()
  @Validate(IsIanaTimezone)
  timezone?: string;
}

export class InvitationLinkView {
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({
    description:
      'The address already has a Throughline account (here or in another organization): it cannot accept; sign in instead',
  })
  existingAccount!: boolean;
}

export class InvitationAcceptedView extends AuthSessionView {}

export { UserView };
