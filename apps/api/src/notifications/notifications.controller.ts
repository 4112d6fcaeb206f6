import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiNotFound, ApiValidationError } from '../common/openapi';
import {
  deliveriesPageSchema,
  inboxPageSchema,
  ListDeliveries,
  listDeliveriesSchema,
  ListNotifications,
  listNotificationsSchema,
  notificationViewSchema,
  readAllResultSchema,
  unreadCountSchema,
  uuidParam,
} from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, COMMITTEE, CurrentUser } from '../auth/authorize.decorator';
import { DeliveriesPage, NotificationDeliveriesService } from './notification-deliveries.service';
import { InboxPage, NotificationsService, NotificationView } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
@Authorize()
@ApiAuthErrors()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveriesService,
  ) {}

  @Get()
  @ApiOkResponse({ standardSchema: inboxPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'The caller’s inbox: unread first, then newest; `unread` counts all unread items' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: listNotificationsSchema }) query: ListNotifications): Promise<InboxPage> {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  @ApiOkResponse({ standardSchema: unreadCountSchema })
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread (for the navigation badge)' })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(user) };
  }

  @Get('deliveries')
  @ApiOkResponse({ standardSchema: deliveriesPageSchema })
  @ApiValidationError()
  @Authorize(...COMMITTEE)
  @ApiOperation({ summary: 'E-mail deliveries with status, attempts and last error, newest first (committee)' })
  listDeliveries(@Query({ schema: listDeliveriesSchema }) query: ListDeliveries): Promise<DeliveriesPage> {
    return this.deliveries.list(query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: readAllResultSchema })
  @ApiOperation({ summary: 'Mark every notification of the caller read' })
  readAll(@CurrentUser() user: AuthUser): Promise<{ updated: number; unread: number }> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: notificationViewSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read' })
  read(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<NotificationView> {
    return this.notifications.markRead(user, id);
  }
}
