import { CanActivate, Controller, ExecutionContext, Get, Injectable, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiNotFound } from '../common/openapi';
import { caughtMessagesSchema } from '@app/contracts';
import type { Request } from 'express';
import { localizedError } from '@app/common';
import { isCommittee } from '@app/domain';
import type { CaughtMessage } from '@app/mail';
import type { AuthUser } from '../auth/auth-user';
import { Public } from '../auth/authorize.decorator';
import { DemoMailboxService } from './demo-mailbox.service';

/** Without the catcher the route does not exist for anyone (404 as for an unknown path); with it, committee only. */
@Injectable()
class DemoMailboxGuard implements CanActivate {
  constructor(private readonly mailbox: DemoMailboxService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (!this.mailbox.enabled) throw localizedError('not_found', 'errors.noRoute', { method: req.method, path: req.originalUrl.split('?')[0] });
    if (!req.user) throw localizedError('unauthorized', 'errors.signIn');
    if (!isCommittee(req.user.role)) throw localizedError('forbidden', 'errors.roleMayNot');
    return true;
  }
}

@ApiTags('notifications')
@Controller('dev/mailbox')
@Public()
@UseGuards(DemoMailboxGuard)
@ApiAuthErrors()
export class DevMailboxController {
  constructor(private readonly mailbox: DemoMailboxService) {}

  @Get()
  @ApiOkResponse({ standardSchema: caughtMessagesSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'Demo mode only (no SMTP_URL): every e-mail the platform sent, newest first (committee)' })
  list(): { items: CaughtMessage[] } {
    return { items: this.mailbox.messages() };
  }
}
