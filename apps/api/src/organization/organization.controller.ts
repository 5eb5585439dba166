import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganizationSettingsView, OrganizationsService, UpdateOrganizationSettingsDto, type Actor } from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Ok } from '../http/api-docs';

@ApiTags('organization')
@ApiAuthenticated()
@Controller('organization/settings')
export class OrganizationController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'Timezone, focus cap, health thresholds (admin, account manager)' })
  @Ok(OrganizationSettingsView)
  get(@CurrentActor() actor: Actor): Promise<OrganizationSettingsView> {
    return this.organizations.getSettings(actor);
  }

  @Patch()
  @ApiOperation({ summary: 'Change settings (admin)' })
  @Ok(OrganizationSettingsView)
  @ApiWrite()
  update(@CurrentActor() actor: Actor, @Body() body: UpdateOrganizationSettingsDto): Promise<OrganizationSettingsView> {
    return this.organizations.updateSettings(actor, body);
  }
}
