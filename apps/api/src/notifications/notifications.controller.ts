import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { NotificationContactUpdateDto } from './dto/notification-contact-update.dto';
import { NotificationDeliveryQueryDto, NotificationListQueryDto } from './dto/notification-query.dto';
import { NotificationContactDto, NotificationDeliveryDto, NotificationDeliveryListDto, NotificationDto, NotificationListDto } from './dto/notification-response.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Roles('APPLICANT')
  @ApiOperation({ summary: 'My notices (in-app), newest first, with the number unread' })
  @ApiOkResponse({ type: NotificationListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQueryDto): Promise<NotificationListDto> {
    return this.notifications.listOwn(user, query);
  }

  @Post('notifications/:id/read')
  @Roles('APPLICANT')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark one of my notices read (again: no change)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'No such notice, or not mine' })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }

  @Get('notifications/contact')
  @Roles('APPLICANT')
  @ApiOperation({ summary: 'Where my e-mail notifications go (masked) and in which language' })
  @ApiOkResponse({ type: NotificationContactDto })
  contact(@CurrentUser() user: AuthenticatedUser): Promise<NotificationContactDto> {
    return this.notifications.contact(user);
  }

  @Put('notifications/contact')
  @Roles('APPLICANT')
  @ApiOperation({ summary: 'Set my e-mail address for notifications (null: none) and their language' })
  @ApiOkResponse({ type: NotificationContactDto })
  setContact(@CurrentUser() user: AuthenticatedUser, @Body() dto: NotificationContactUpdateDto): Promise<NotificationContactDto> {
    return this.notifications.setContact(user, dto);
  }

  @Get('admin/notification-deliveries')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Notification deliveries by status, newest first: the dead letters by default' })
  @ApiOkResponse({ type: NotificationDeliveryListDto })
  deliveries(@Query() query: NotificationDeliveryQueryDto): Promise<NotificationDeliveryListDto> {
    return this.notifications.listDeliveries(query);
  }

  @Post('admin/notification-deliveries/:id/retry')
  @Roles('ADMIN')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send a dead letter (or a skipped channel) again, with a fresh count of attempts (audited); one queued or sent already is answered as it is' })
  @ApiOkResponse({ type: NotificationDeliveryDto })
  @ApiNotFoundResponse({ description: 'No such delivery' })
  retry(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NotificationDeliveryDto> {
    return this.notifications.retryDelivery(user, id);
  }
}
