import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiConflict, ApiNotFound, ApiValidationError } from '../common/openapi';
import {
  CreateUser,
  createUserSchema,
  ListUsers,
  listUsersSchema,
  UpdateUser,
  updateUserSchema,
  userPageSchema,
  userViewSchema,
  uuidParam,
} from '@app/contracts';
import { Page } from '@app/common';
import { UserEntity } from '@app/database';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { UsersService } from './users.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('administration')
@Controller('users')
@Authorize('committee_admin')
@ApiAuthErrors()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ standardSchema: userPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'List users (committee admin)' })
  list(@Query({ schema: listUsersSchema }) query: ListUsers): Promise<Page<UserEntity>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: userViewSchema })
  @ApiNotFound()
  get(@Param('id', { schema: uuidParam }) id: string): Promise<UserEntity> {
    return this.users.get(id);
  }

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ standardSchema: userViewSchema })
  @ApiValidationError()
  @ApiConflict()
  @ApiOperation({ summary: 'Create a user in an organisation whose kind allows the role' })
  create(@Body({ schema: createUserSchema }) body: CreateUser, @CurrentUser() actor: AuthUser): Promise<UserEntity> {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @ApiOkResponse({ standardSchema: userViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Update, reset the password of, or deactivate (`active: false`) a user' })
  update(
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: updateUserSchema }) body: UpdateUser,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserEntity> {
    return this.users.update(id, body, actor);
  }
}
