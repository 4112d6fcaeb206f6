import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertVersion, localizedError, notFound } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { contactListViewSchema, matchContactsViewSchema, PutContacts, Served } from '@app/contracts';
import {
  ContactListEntity,
  MatchRepository,
  OrganizationEntity,
  type ContactOwner,
  type ContactPerson,
} from '@app/database';
import { isAgency, isCommittee, isProvider, MATCH_AGREED_STATUSES } from '@app/domain';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';

export type ContactListView = Served<typeof contactListViewSchema>;
export type MatchContactsView = Served<typeof matchContactsViewSchema>;

/**
 * Points of contact (DESIGN §4b). Who reads and who keeps them:
 * - a State's national 1540 points of contact: read by the Committee, the State's agencies, and providers with an
 *   agreed (agreed, in progress or completed) match on a request of that State; kept by the Committee and the
 *   State's coordinator;
 * - an organisation's contact persons: read by the Committee, the organisation's users, the other agencies of an
 *   agency's State, and the other side of an agreed match; kept by the Committee, a provider's members, and for a
 *   State agency its State's coordinator.
 * Who may not read gets 404; who may read but not keep gets 403.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly matches: MatchRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  publicContact(): { committeeContact: string } {
    return { committeeContact: this.config.app.COMMITTEE_CONTACT_ADDRESS };
  }

  async stateContacts(user: AuthUser, iso3: string): Promise<ContactListView> {
    if (!(await this.readsState(user, iso3))) throw notFound('State contacts');
    return this.view('state', iso3, this.keepsState(user, iso3));
  }

  async putStateContacts(user: AuthUser, iso3: string, input: PutContacts): Promise<ContactListView> {
    if (!(await this.readsState(user, iso3))) throw notFound('State contacts');
    if (!this.keepsState(user, iso3))
      throw localizedError('forbidden', 'errors.contact.stateKeepers');
    await this.write(user, 'state', iso3, input);
    return this.view('state', iso3, true);
  }

  async organizationContacts(user: AuthUser, id: string): Promise<ContactListView> {
    const org = await this.organization(id);
    if (!(await this.readsOrganization(user, org))) throw notFound('Organization contacts');
    return this.view('organization', id, this.keepsOrganization(user, org));
  }

  async putOrganizationContacts(user: AuthUser, id: string, input: PutContacts): Promise<ContactListView> {
    const org = await this.organization(id);
    if (!(await this.readsOrganization(user, org))) throw notFound('Organization contacts');
    if (!this.keepsOrganization(user, org))
      throw localizedError('forbidden', 'errors.contact.organizationKeepers');
    await this.write(user, 'organization', id, input);
    return this.view('organization', id, true);
  }

  /** Once a match is agreed, each side sees the other's contacts (and the Committee both). */
  async matchContacts(user: AuthUser, matchId: string): Promise<MatchContactsView> {
    const row:
      | {
          status: string;
          state: string;
          requesterId: string;
          requesterName: string;
          providerId: string;
          providerName: string;
        }
      | undefined = await this.matches
      .visibleTo(user)
      .andWhere('m.id = :matchId', { matchId })
      .innerJoin(OrganizationEntity, 'ro', 'ro.id = req.organization_id')
      .innerJoin(OrganizationEntity, 'po', 'po.id = off.organization_id')
      .select([
        'm.status AS status',
        'req.state AS state',
        'ro.id AS "requesterId"',
        'ro.name AS "requesterName"',
        'po.id AS "providerId"',
        'po.name AS "providerName"',
      ])
      .getRawOne();
    if (!row) throw notFound('Match');
    if (!(MATCH_AGREED_STATUSES as readonly string[]).includes(row.status))
      return { agreed: false, state: null, requester: null, provider: null };
    const lists = await this.lists([
      ['state', row.state],
      ['organization', row.requesterId],
      ['organization', row.providerId],
    ]);
    return {
      agreed: true,
      state: { code: row.state, contacts: lists.get(`state:${row.state}`) ?? [] },
      requester: {
        id: row.requesterId,
        name: row.requesterName,
        contacts: lists.get(`organization:${row.requesterId}`) ?? [],
      },
      provider: {
        id: row.providerId,
        name: row.providerName,
        contacts: lists.get(`organization:${row.providerId}`) ?? [],
      },
    };
  }

  private async write(user: AuthUser, owner: ContactOwner, key: string, input: PutContacts): Promise<void> {
    await this.uow.run(user, async (tx) => {
      await tx.manager.query(
        `INSERT INTO contact_lists (owner, owner_key, version) VALUES ($1, $2, 1) ON CONFLICT (owner, owner_key) DO NOTHING`,
        [owner, key],
      );
      const list = await tx.manager.findOneOrFail(ContactListEntity, {
        where: { owner, ownerKey: key },
        lock: { mode: 'pessimistic_write' },
      });
      // A list nobody has written yet is at version 0 for the caller (the row just made is at 1).
      const fresh = list.updatedById === null && list.contacts.length === 0;
      if (input.version !== undefined) assertVersion(input.version, fresh ? 0 : list.version, 'contact list');
      const before = list.contacts;
      list.contacts = input.contacts;
      list.updatedById = user.id;
      await tx.manager.save(list);
      await tx.audit({
        subjectType: 'contact_list',
        subjectId: list.id,
        action: 'update',
        details: { owner, key, before, after: input.contacts },
      });
      await tx.emit({
        type: 'contacts.updated',
        subjectType: 'contact_list',
        subjectId: list.id,
        payload: { owner, key, count: input.contacts.length },
      });
    });
  }

  private async view(
    owner: ContactOwner,
    key: string,
    canEdit: boolean,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ContactListView> {
    const list = await manager.findOneBy(ContactListEntity, { owner, ownerKey: key });
    const written = list && list.updatedById !== null;
    return {
      owner,
      key,
      contacts: list?.contacts ?? [],
      version: written ? list.version : 0,
      updatedAt: written ? list.updatedAt : null,
      canEdit,
    };
  }

  private async lists(keys: [ContactOwner, string][]): Promise<Map<string, ContactPerson[]>> {
    const rows: { owner: string; ownerKey: string; contacts: ContactPerson[] }[] = await this.dataSource.query(
      `SELECT owner, owner_key AS "ownerKey", contacts FROM contact_lists WHERE (owner || ':' || owner_key) = ANY($1)`,
      [keys.map(([o, k]) => `${o}:${k}`)],
    );
    return new Map(rows.map((r) => [`${r.owner}:${r.ownerKey}`, r.contacts]));
  }

  private async organization(id: string): Promise<OrganizationEntity> {
    const org = await this.dataSource.manager.findOneBy(OrganizationEntity, { id });
    if (!org) throw notFound('Organization');
    return org;
  }

  private keepsState(user: AuthUser, iso3: string): boolean {
    return isCommittee(user.role) || (user.role === 'agency_coordinator' && user.organization.state === iso3);
  }

  private async readsState(user: AuthUser, iso3: string): Promise<boolean> {
    if (isCommittee(user.role)) return true;
    if (isAgency(user.role)) return user.organization.state === iso3;
    return this.agreedBetween({ providerOrg: user.organization.id, state: iso3 });
  }

  private keepsOrganization(user: AuthUser, org: OrganizationEntity): boolean {
    if (isCommittee(user.role)) return true;
    if (org.kind === 'provider') return user.role === 'provider_member' && user.organization.id === org.id;
    if (org.kind === 'state_agency') return user.role === 'agency_coordinator' && user.organization.state === org.state;
    return false;
  }

  private async readsOrganization(user: AuthUser, org: OrganizationEntity): Promise<boolean> {
    if (isCommittee(user.role) || user.organization.id === org.id) return true;
    if (org.kind === 'committee') return false;
    if (isAgency(user.role)) {
      if (org.kind === 'state_agency') return org.state === user.organization.state;
      return this.agreedBetween({ providerOrg: org.id, state: user.organization.state! });
    }
    if (isProvider(user.role) && org.kind === 'state_agency')
      return this.agreedBetween({ providerOrg: user.organization.id, requesterOrg: org.id });
    return false;
  }

  /** Whether a match is agreed (or beyond) between a provider and a State, or a requesting agency. */
  private async agreedBetween(p: { providerOrg: string; state?: string; requesterOrg?: string }): Promise<boolean> {
    const [row]: { found: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM matches m JOIN assistance_requests r ON r.id = m.request_id JOIN assistance_offers o ON o.id = m.offer_id
         WHERE o.organization_id = $1 AND m.status = ANY($2) AND ($3::text IS NULL OR r.state = $3) AND ($4::uuid IS NULL OR r.organization_id = $4)) AS found`,
      [p.providerOrg, MATCH_AGREED_STATUSES, p.state ?? null, p.requesterOrg ?? null],
    );
    return row.found;
  }
}
