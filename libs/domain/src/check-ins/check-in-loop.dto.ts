import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CreateCheckInDto } from './check-in.dto';
import { RAGS } from './check-in.entity';

export class CheckInLinkTokenDto {
  @ApiProperty({ description: 'The token from the emailed check-in link' })
  @IsString()
  @Length(20, 200)
  token!: string;
}

export class CheckInByLinkDto extends CreateCheckInDto {
  @ApiProperty({ description: 'The token from the emailed check-in link' })
  @IsString()
  @Length(20, 200)
  token!: string;
}

export class CheckInLinkView {
  @ApiProperty({ enum: ['open'] }) status!: 'open';
  @ApiProperty({ format: 'uuid' }) priorityId!: string;
  @ApiProperty() priorityTitle!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ description: 'Who the check-in is recorded as' }) recipientName!: string;
  @ApiProperty({ example: '2026-W11' }) isoWeek!: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ enum: RAGS, isArray: true }) rags!: string[];
}

export class DisciplineEntryView {
  @ApiProperty({ enum: ['executive', 'owner'] }) kind!: 'executive' | 'owner';
  @ApiProperty({ format: 'uuid', description: 'The executive or owner id' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() onTime!: number;
  @ApiProperty() late!: number;
  @ApiProperty() missed!: number;
}

export class DisciplineReportView {
  @ApiProperty({ description: 'Weeks covered (periods whose due date has passed)' }) weeks!: number;
  @ApiProperty({ type: String, format: 'date' }) asOf!: string;
  @ApiProperty({ type: [DisciplineEntryView] }) items!: DisciplineEntryView[];
}
