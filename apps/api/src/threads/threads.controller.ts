import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ListMessages,
  listMessagesSchema,
  type PostThreadMessage,
  postThreadMessageSchema,
  threadMessageViewSchema,
  threadPageSchema,
  unreadThreadsSchema,
  uuidParam,
} from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { ApiAuthErrors, ApiNotFound, ApiValidationError } from '../common/openapi';
import { ThreadMessageView, ThreadPage, ThreadsService, UnreadThreads } from './threads.service';

/** DESIGN §4b: a request's and a match's conversation. Who may read and write is who may see the parent. */
@ApiTags('threads')
@Controller()
@Authorize()
@ApiAuthErrors()
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get('threads/unread')
  @ApiOkResponse({ standardSchema: unreadThreadsSchema })
  @ApiOperation({ summary: 'The caller’s threads with unread messages and the total (home pages)' })
  unread(@CurrentUser() user: AuthUser): Promise<UnreadThreads> {
    return this.threads.unread(user);
  }

  @Get('requests/:id/messages')
  @ApiOkResponse({ standardSchema: threadPageSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({
    summary: 'The request’s thread (State ↔ Committee), newest first; marks it read unless markRead=false',
  })
  requestMessages(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Query({ schema: listMessagesSchema }) q: ListMessages,
  ): Promise<ThreadPage> {
    return this.threads.list(user, 'request', id, q);
  }

  @Post('requests/:id/messages')
  @ApiCreatedResponse({ standardSchema: threadMessageViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Write in the request’s thread; the other side is notified' })
  postRequestMessage(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: postThreadMessageSchema }) body: PostThreadMessage,
  ): Promise<ThreadMessageView> {
    return this.threads.post(user, 'request', id, body);
  }

  @Post('requests/:id/messages/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every message so far counts as read for the caller' })
  @ApiNotFound()
  readRequestThread(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<void> {
    return this.threads.read(user, 'request', id);
  }

  @Get('matches/:id/messages')
  @ApiOkResponse({ standardSchema: threadPageSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({
    summary: 'The match’s thread (Committee ↔ provider ↔ State), newest first; marks it read unless markRead=false',
  })
  matchMessages(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Query({ schema: listMessagesSchema }) q: ListMessages,
  ): Promise<ThreadPage> {
    return this.threads.list(user, 'match', id, q);
  }

  @Post('matches/:id/messages')
  @ApiCreatedResponse({ standardSchema: threadMessageViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Write in the match’s thread; the other parties are notified' })
  postMatchMessage(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: postThreadMessageSchema }) body: PostThreadMessage,
  ): Promise<ThreadMessageView> {
    return this.threads.post(user, 'match', id, body);
  }

  @Post('matches/:id/messages/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every message so far counts as read for the caller' })
  @ApiNotFound()
  readMatchThread(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<void> {
    return this.threads.read(user, 'match', id);
  }
}
