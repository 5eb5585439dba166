import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@app/auth';
import { runAsSystem } from '@app/database';

export class HealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
  @ApiProperty() uptimeSeconds!: number;
}

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (public; 503 when the database is down)' })
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    let database: 'up' | 'down' = 'down';
    try {
      await runAsSystem('health', () => this.dataSource.query('SELECT 1'));
      database = 'up';
    } catch {
      reply.status(503);
    }
    return { status: database === 'up' ? 'ok' : 'unavailable', database, uptimeSeconds: Math.round(process.uptime()) };
  }
}
