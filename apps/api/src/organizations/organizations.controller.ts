import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiConflict, ApiNotFound, ApiValidationError } from '../common/openapi';
import {
  CreateOrganization,
  createOrganizationSchema,
  ListOrganizations,
  listOrganizationsSchema,
  organizationPageSchema,
  organizationViewSchema,
  UpdateOrganization,
  updateOrganizationSchema,
  uuidParam,
} from '@app/contracts';
import { Page } from '@app/common';
import { OrganizationEntity } from '@app/database';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { OrganizationsService } from './organizations.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('administration')
@Controller('organizations')
@ApiAuthErrors()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Authorize()
  @ApiOkResponse({ standardSchema: organizationPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'List organisations (any signed-in user: providers are picked by name in forms)' })
  list(@Query({ schema: listOrganizationsSchema }) query: ListOrganizations): Promise<Page<OrganizationEntity>> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @Authorize()
  @ApiOkResponse({ standardSchema: organizationViewSchema })
  @ApiNotFound()
  get(@Param('id', { schema: uuidParam }) id: string): Promise<OrganizationEntity> {
    return this.organizations.get(id);
  }

  @Post()
  @Idempotent()
  @Authorize('committee_admin')
  @ApiCreatedResponse({ standardSchema: organizationViewSchema })
  @ApiValidationError()
  @ApiConflict()
  @ApiOperation({ summary: 'Create an organisation (committee admin)' })
  create(
    @Body({ schema: createOrganizationSchema }) body: CreateOrganization,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganizationEntity> {
    return this.organizations.create(body, user);
  }

  @Patch(':id')
  @Authorize('committee_admin')
  @ApiOkResponse({ standardSchema: organizationViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Update or deactivate (`active: false`) an organisation (committee admin)' })
  update(
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: updateOrganizationSchema }) body: UpdateOrganization,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganizationEntity> {
    return this.organizations.update(id, body, user);
  }
}
