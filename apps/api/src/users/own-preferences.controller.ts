import { Body, Controller, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { meSchema, OwnPreferences, ownPreferencesSchema, type Served } from '@app/contracts';
import { ApiAuthErrors, ApiValidationError } from '../common/openapi';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { UsersService } from './users.service';

type Me = Served<typeof meSchema>;

/** What every signed-in person may change about themselves: the language of their interface and e-mails. */
@ApiTags('auth')
@Controller('auth')
@Authorize()
@ApiAuthErrors()
export class OwnPreferencesController {
  constructor(private readonly users: UsersService) {}

  @Patch('me')
  @ApiOkResponse({ standardSchema: meSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Change your own preferences (preferred language: interface, e-mails, API messages)' })
  async update(@CurrentUser() user: AuthUser, @Body({ schema: ownPreferencesSchema }) body: OwnPreferences): Promise<Me> {
    const saved = await this.users.updateOwnPreferences(body, user);
    const { sessionId: _omit, ...me } = { ...user, preferredLanguage: saved.preferredLanguage };
    return me;
  }
}
