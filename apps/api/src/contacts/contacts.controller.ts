import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  contactListViewSchema,
  matchContactsViewSchema,
  publicContactSchema,
  type PutContacts,
  putContactsSchema,
  stateCodeSchema,
  uuidParam,
} from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser, Public } from '../auth/authorize.decorator';
import { ApiAuthErrors, ApiConflict, ApiNotFound, ApiValidationError } from '../common/openapi';
import { ContactListView, ContactsService, MatchContactsView } from './contacts.service';

/** DESIGN §4b: national points of contact, organisations' contact persons, and both sides' on an agreed match. */
@ApiTags('contacts')
@Controller()
@Authorize()
@ApiAuthErrors()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get('public/contact')
  @Public()
  @ApiOkResponse({ standardSchema: publicContactSchema })
  @ApiOperation({ summary: 'The Committee’s public contact address (the public register shows it)' })
  publicContact(): { committeeContact: string } {
    return this.contacts.publicContact();
  }

  @Get('states/:iso3/contacts')
  @ApiOkResponse({ standardSchema: contactListViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({
    summary:
      'The State’s national 1540 points of contact (Committee, the State’s agencies, providers with an agreed match there)',
  })
  stateContacts(
    @CurrentUser() user: AuthUser,
    @Param('iso3', { schema: stateCodeSchema }) iso3: string,
  ): Promise<ContactListView> {
    return this.contacts.stateContacts(user, iso3);
  }

  @Put('states/:iso3/contacts')
  @ApiOkResponse({ standardSchema: contactListViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Replace the State’s points of contact (the State’s coordinator or the Committee)' })
  putStateContacts(
    @CurrentUser() user: AuthUser,
    @Param('iso3', { schema: stateCodeSchema }) iso3: string,
    @Body({ schema: putContactsSchema }) body: PutContacts,
  ): Promise<ContactListView> {
    return this.contacts.putStateContacts(user, iso3, body);
  }

  @Get('organizations/:id/contacts')
  @ApiOkResponse({ standardSchema: contactListViewSchema })
  @ApiNotFound()
  @ApiOperation({
    summary:
      'The organisation’s contact persons (itself, the Committee, its State’s agencies, the other side of an agreed match)',
  })
  organizationContacts(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
  ): Promise<ContactListView> {
    return this.contacts.organizationContacts(user, id);
  }

  @Put('organizations/:id/contacts')
  @ApiOkResponse({ standardSchema: contactListViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({
    summary:
      'Replace the organisation’s contact persons (a provider’s members, an agency’s State coordinator, the Committee)',
  })
  putOrganizationContacts(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: putContactsSchema }) body: PutContacts,
  ): Promise<ContactListView> {
    return this.contacts.putOrganizationContacts(user, id, body);
  }

  @Get('matches/:id/contacts')
  @ApiOkResponse({ standardSchema: matchContactsViewSchema })
  @ApiNotFound()
  @ApiOperation({
    summary:
      'Once the match is agreed: the State’s points of contact, the requesting agency’s and the provider’s contact persons',
  })
  matchContacts(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
  ): Promise<MatchContactsView> {
    return this.contacts.matchContacts(user, id);
  }
}
