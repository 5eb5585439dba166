import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PortfolioPage, PortfolioQueryDto, PortfolioService, type Actor } from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, Ok } from '../http/api-docs';

@ApiTags('portfolio')
@ApiAuthenticated()
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get()
  @ApiOperation({
    summary:
      'Every engagement you may see with progress vs expected, computed health vs reported RAG, overdue and next milestones',
  })
  @Ok(PortfolioPage)
  list(@CurrentActor() actor: Actor, @Query() query: PortfolioQueryDto): Promise<PortfolioPage> {
    return this.portfolio.portfolio(actor, query);
  }
}
