import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatedWebhookView,
  CreateWebhookDto,
  FailedNotificationPage,
  FailedNotificationsQueryDto,
  NotificationPreferencesDto,
  NotificationPreferencesView,
  NotificationsService,
  UpdateWebhookDto,
  WebhookView,
  type Actor,
  type FailedNotificationView,
  type Page,
} from '@app/domain';
import { CurrentActor } from '@app/auth';
import { ApiAuthenticated, ApiWrite, Created, Ok } from '../http/api-docs';
import { Idempotent } from '../http/idempotency';
import { UuidParam } from '../http/uuid-param';

@ApiTags('notifications')
@ApiAuthenticated()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'Your alert email preferences' })
  @Ok(NotificationPreferencesView)
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView> {
    return this.notifications.preferences(actor);
  }

  @Put('me/notification-preferences')
  @ApiOperation({ summary: 'Set your alert email preferences (channel on/off, minimum severity)' })
  @Ok(NotificationPreferencesView)
  setPreferences(
    @CurrentActor() actor: Actor,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.notifications.setPreferences(actor, body);
  }

  @Get('notifications/failed')
  @ApiOperation({ summary: 'Notifications that failed after their last attempt (admin)' })
  @Ok(FailedNotificationPage)
  failed(
    @CurrentActor() actor: Actor,
    @Query() query: FailedNotificationsQueryDto,
  ): Promise<Page<FailedNotificationView>> {
    return this.notifications.failed(actor, query);
  }

  @Get('organization/webhooks')
  @ApiOperation({ summary: "The organization's alert webhooks (admin)" })
  @Ok([WebhookView])
  webhooks(@CurrentActor() actor: Actor): Promise<WebhookView[]> {
    return this.notifications.webhooks(actor);
  }

  @Post('organization/webhooks')
  @Idempotent()
  @ApiOperation({
    summary: 'Add a webhook: signed JSON (HMAC-SHA256 in x-throughline-signature) or Slack-compatible (admin)',
  })
  @Created(CreatedWebhookView)
  @ApiWrite()
  createWebhook(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto): Promise<CreatedWebhookView> {
    return this.notifications.createWebhook(actor, body);
  }

  @Patch('organization/webhooks/:id')
  @ApiOperation({ summary: 'Change or re-enable a webhook (admin)' })
  @Ok(WebhookView)
  @ApiWrite()
  updateWebhook(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookView> {
    return this.notifications.updateWebhook(actor, id, body);
  }

  @Delete('organization/webhooks/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook (admin)' })
  @ApiNoContentResponse()
  async deleteWebhook(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    await this.notifications.deleteWebhook(actor, id);
  }
}
