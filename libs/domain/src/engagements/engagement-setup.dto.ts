import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { CreateClientDto } from '../clients/client.dto';
import { CreateMilestoneDto } from '../milestones/milestone.dto';
import { CreateOwnerDto } from '../owners/owner.dto';
import { CreatePriorityDto } from '../priorities/priority.dto';
import { Optional } from '../shared/validation';
import { CreateEngagementDto, EngagementView } from './engagement.dto';

export const MAX_SETUP_PRIORITIES = 12;
export const MAX_SETUP_MILESTONES = 40;

/** A new accountability owner at the engagement's client (the client is the engagement's). */
export class SetupOwnerDto extends OmitType(CreateOwnerDto, ['clientId'] as const) {}

/** A priority of the new engagement: its rank is its place in the list; exactly one of ownerId and owner. */
export class SetupPriorityDto extends OmitType(CreatePriorityDto, ['ownerId', 'rank'] as const) {
  @ApiPropertyOptional({ format: 'uuid', description: "An existing owner at the engagement's client (or `owner`)" })
  @Optional()
  @IsUUID('all')
  ownerId?: string;

  @ApiPropertyOptional({
    type: SetupOwnerDto,
    description: 'A new owner at the client, created with it (or `ownerId`)',
  })
  @Optional()
  @ValidateNested()
  @Type(() => SetupOwnerDto)
  owner?: SetupOwnerDto;

  @ApiProperty({ type: [CreateMilestoneDto], maxItems: MAX_SETUP_MILESTONES })
  @IsArray()
  @ArrayMaxSize(MAX_SETUP_MILESTONES)
  @ValidateNested({ each: true })
  @Type(() => CreateMilestoneDto)
  milestones!: CreateMilestoneDto[];
}

/**
 * An engagement set up on one page (issue 14): the engagement, optionally its new client, its priorities in rank
 * order with one owner each (existing or new), and their milestones, written in one transaction or not at all.
 */
export class CreateEngagementSetupDto extends OmitType(CreateEngagementDto, ['clientId'] as const) {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing client (or `client`)' })
  @Optional()
  @IsUUID('all')
  clientId?: string;

  @ApiPropertyOptional({
    type: CreateClientDto,
    description: 'A new client, created with the engagement (or `clientId`)',
  })
  @Optional()
  @ValidateNested()
  @Type(() => CreateClientDto)
  client?: CreateClientDto;

  @ApiProperty({ type: [SetupPriorityDto], maxItems: MAX_SETUP_PRIORITIES, description: 'In rank order' })
  @IsArray()
  @ArrayMaxSize(MAX_SETUP_PRIORITIES)
  @ValidateNested({ each: true })
  @Type(() => SetupPriorityDto)
  priorities!: SetupPriorityDto[];
}

export class SetupMilestoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
}

export class SetupPriorityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() rank!: number;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ description: 'The owner was created by this request' }) ownerCreated!: boolean;
  @ApiProperty({ type: [SetupMilestoneView] }) milestones!: SetupMilestoneView[];
}

export class EngagementSetupView {
  @ApiProperty({ type: EngagementView }) engagement!: EngagementView;
  @ApiProperty({ description: 'The client was created by this request' }) clientCreated!: boolean;
  @ApiProperty({ description: "The organization's focus cap on active priorities" }) focusCap!: number;
  @ApiProperty({ type: [SetupPriorityView] }) priorities!: SetupPriorityView[];
}
