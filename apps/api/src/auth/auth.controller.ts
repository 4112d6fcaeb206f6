import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { errorBodySchema, type Login, loginResultSchema, loginSchema, meSchema, type Served } from '@app/contracts';
import { ApiValidationError } from '../common/openapi';
import type { Request, Response } from 'express';
import type { AuthUser } from './auth-user';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { Authorize, CurrentUser, Public } from './authorize.decorator';

type Me = Served<typeof meSchema>;
const me = ({ sessionId: _omit, ...user }: AuthUser): Me => user;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: loginResultSchema })
  @ApiValidationError()
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password', standardSchema: errorBodySchema })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins', standardSchema: errorBodySchema })
  @ApiOperation({ summary: 'Sign in; sets an httpOnly session cookie and returns a bearer token for API clients' })
  async login(
    @Body({ schema: loginSchema }) body: Login,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ token: string; expiresAt: string; user: Me }> {
    const { token, expiresAt, user } = await this.auth.login(body.email, body.password, req.ip ?? 'unknown', body.language);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      expires: expiresAt,
    });
    return { token, expiresAt: expiresAt.toISOString(), user: me(user) };
  }

  @Post('logout')
  @Authorize()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiUnauthorizedResponse({ description: 'Not signed in', standardSchema: errorBodySchema })
  @ApiOperation({ summary: 'Sign out: revokes the session' })
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Authorize()
  @ApiOkResponse({ standardSchema: meSchema })
  @ApiUnauthorizedResponse({ description: 'Not signed in', standardSchema: errorBodySchema })
  @ApiOperation({ summary: 'The signed-in user and organisation' })
  me(@CurrentUser() user: AuthUser): Me {
    return me(user);
  }
}
