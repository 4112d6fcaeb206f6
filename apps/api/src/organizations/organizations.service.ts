import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { containsPattern, invalidFieldIn, localizedError, notFound, Page } from '@app/common';
import { OrganizationEntity, pageOf } from '@app/database';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import type { CreateOrganization, ListOrganizations, UpdateOrganization } from '@app/contracts';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly uow: UnitOfWork,
  ) {}

  async list(filter: ListOrganizations): Promise<Page<OrganizationEntity>> {
    const qb = this.organizations.createQueryBuilder('o').orderBy('o.name', 'ASC');
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.state) qb.andWhere('o.state = :state', { state: filter.state });
    if (filter.active !== undefined) qb.andWhere('o.active = :active', { active: filter.active });
    if (filter.q) qb.andWhere('(o.name ILIKE :q OR o.short_name ILIKE :q)', { q: containsPattern(filter.q) });
    const { rows: items, total } = await pageOf(qb, filter);
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(id: string): Promise<OrganizationEntity> {
    const org = await this.organizations.findOneBy({ id });
    if (!org) throw notFound('Organisation');
    return org;
  }

  async create(input: CreateOrganization, actor: AuthUser): Promise<OrganizationEntity> {
    if (input.kind === 'state_agency' && !input.state) throw invalidFieldIn('state', 'errors.organisation.stateRequired');
    return this.uow.run(actor, async (tx) => {
      const org = await tx.manager.save(
        tx.manager.create(OrganizationEntity, { ...input, state: input.state ?? null, contactEmail: input.contactEmail ?? null }),
      );
      await tx.audit({ subjectType: 'organization', subjectId: org.id, action: 'create', details: { ...input } });
      await tx.emit({ type: 'organization.created', subjectType: 'organization', subjectId: org.id });
      return org;
    });
  }

  async update(id: string, input: UpdateOrganization, actor: AuthUser): Promise<OrganizationEntity> {
    return this.uow.run(actor, async (tx) => {
      const org = await tx.manager.findOne(OrganizationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('Organisation');
      const { version, ...changes } = input;
      if (version !== undefined && version !== org.version) {
        throw localizedError('conflict', 'errors.workflow.stale', { version: org.version }, { currentVersion: org.version }, { subject: 'errors.subjects.organisation' });
      }
      if (org.kind === 'state_agency' && changes.state === null) throw invalidFieldIn('state', 'errors.organisation.stateRequired');
      Object.assign(org, changes);
      const saved = await tx.manager.save(org);
      await tx.audit({
        subjectType: 'organization',
        subjectId: id,
        action: changes.active === false ? 'deactivate' : changes.active === true ? 'activate' : 'update',
        details: { ...changes },
      });
      return saved;
    });
  }
}
