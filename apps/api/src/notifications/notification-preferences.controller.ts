import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { UpdatePreferences, updatePreferencesSchema } from './dto/notification.schemas';
import { NotificationPreferencesService, PreferencesView } from './notification-preferences.service';

@ApiTags('notifications')
@Controller('notification-preferences')
@Authorize()
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s e-mail mode per category (immediate, digest or off; default immediate)' })
  get(@CurrentUser() user: AuthUser): Promise<PreferencesView> {
    return this.preferences.get(user);
  }

  @Put()
  @ApiOperation({ summary: 'Set the e-mail mode of the categories named; the inbox always gets every notification' })
  put(@CurrentUser() user: AuthUser, @Body({ schema: updatePreferencesSchema }) body: UpdatePreferences): Promise<PreferencesView> {
    return this.preferences.update(user, body);
  }
}
