import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiValidationError } from '../common/openapi';
import { preferencesViewSchema, UpdatePreferences, updatePreferencesSchema } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { NotificationPreferencesService, PreferencesView } from './notification-preferences.service';

@ApiTags('notifications')
@Controller('notification-preferences')
@Authorize()
@ApiAuthErrors()
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOkResponse({ standardSchema: preferencesViewSchema })
  @ApiOperation({ summary: 'The caller’s e-mail mode per category (immediate, digest or off; default immediate)' })
  get(@CurrentUser() user: AuthUser): Promise<PreferencesView> {
    return this.preferences.get(user);
  }

  @Put()
  @ApiOkResponse({ standardSchema: preferencesViewSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Set the e-mail mode of the categories named; the inbox always gets every notification' })
  put(@CurrentUser() user: AuthUser, @Body({ schema: updatePreferencesSchema }) body: UpdatePreferences): Promise<PreferencesView> {
    return this.preferences.update(user, body);
  }
}
