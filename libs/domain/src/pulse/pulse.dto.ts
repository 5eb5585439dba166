import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Nullable } from '../shared/validation';
import { PULSE_REASONS, type PulseReason } from './pulse.entity';

export class AnswerPulseDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'How satisfied are you with progress? 1 (not at all) – 5' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;
  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @Nullable()
  @IsString()
  @Length(0, 2000)
  comment?: string | null;
}

export class PulseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ enum: PULSE_REASONS }) reason!: PulseReason;
  @ApiProperty({ nullable: true, type: String }) respondentName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class PulseMonthView {
  @ApiProperty({ example: '2026-12' }) month!: string;
  @ApiProperty() mean!: number;
  @ApiProperty() answers!: number;
}

export class PulseHistoryView {
  @ApiProperty({ type: [PulseView], description: 'Newest first (the last 24)' }) items!: PulseView[];
  @ApiProperty({ type: [PulseMonthView], description: 'Monthly mean scores, oldest first' }) months!: PulseMonthView[];
  @ApiProperty({ enum: ['up', 'down', 'flat'], nullable: true, type: String }) direction!:
    'up' | 'down' | 'flat' | null;
  @ApiProperty({ nullable: true, type: Number }) latestScore!: number | null;
}
