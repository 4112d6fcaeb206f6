import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationEntity, pageOf, UserEntity } from '@app/database';
import { roleAllowedForKind } from '@app/domain';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { containsPattern, hashPassword, invalidFieldIn, localizedError, localizedIssue, notFound, Page } from '@app/common';
import type { CreateUser, ListUsers, OwnPreferences, UpdateUser } from '@app/contracts';

/** A role and an organisation kind by their labels in the reader's language (`labels.*`), the codes kept beside them. */
const roleAndKindLabels = (role: string, kind: string) => ({ roleLabel: `labels.role.${role}`, kindLabel: `labels.organisationKind.${kind}` });

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly auth: AuthService,
    private readonly uow: UnitOfWork,
  ) {}


  async list(filter: ListUsers): Promise<Page<UserEntity>> {
    const qb = this.users.createQueryBuilder('u').leftJoinAndSelect('u.organization', 'o').orderBy('u.email', 'ASC');
    if (filter.organizationId) qb.andWhere('u.organization_id = :org', { org: filter.organizationId });
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.q) qb.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: containsPattern(filter.q) });
    const { rows: items, total } = await pageOf(qb, filter);
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id }, relations: { organization: true } });
    if (!user) throw notFound('User');
    return user;
  }

  async create(input: CreateUser, actor: AuthUser): Promise<UserEntity> {
    const { password, ...fields } = input;
    const passwordHash = await hashPassword(password);
    const id = await this.uow.run(actor, async (tx) => {
      const org = await tx.manager.findOneBy(OrganizationEntity, { id: input.organizationId });
      if (!org) throw invalidFieldIn('organizationId', 'errors.user.noSuchOrganisation');
      if (!roleAllowedForKind(input.role, org.kind)) {
        throw invalidFieldIn('role', 'errors.user.roleNotForKind', { role: input.role, kind: org.kind }, roleAndKindLabels(input.role, org.kind));
      }
      if (await tx.manager.existsBy(UserEntity, { email: input.email })) {
        throw localizedError('conflict', 'errors.user.emailTaken', { email: input.email }, [localizedIssue('email', 'errors.user.isTaken')]);
      }
      const user = await tx.manager.save(tx.manager.create(UserEntity, { ...fields, passwordHash }));
      await tx.audit({ subjectType: 'user', subjectId: user.id, action: 'create', details: { ...fields } });
      await tx.emit({ type: 'user.created', subjectType: 'user', subjectId: user.id });
      return user.id;
    });
    return this.get(id);
  }

  /** A person's own preferences (PATCH /auth/me): recorded in the user's history like an administrator's change. */
  async updateOwnPreferences(input: OwnPreferences, actor: AuthUser): Promise<UserEntity> {
    await this.uow.run(actor, async (tx) => {
      await tx.manager.update(UserEntity, { id: actor.id }, { preferredLanguage: input.preferredLanguage });
      await tx.audit({ subjectType: 'user', subjectId: actor.id, action: 'update', details: { ...input } });
    });
    return this.get(actor.id);
  }

  async update(id: string, input: UpdateUser, actor: AuthUser): Promise<UserEntity> {
    const { password, version, ...changes } = input;
    const passwordHash = password ? await hashPassword(password) : undefined;
    await this.uow.run(actor, async (tx) => {
      const user = await tx.manager.findOne(UserEntity, { where: { id }, relations: { organization: true }, lock: { mode: 'pessimistic_write', tables: ['users'] } });
      if (!user) throw notFound('User');
      if (version !== undefined && version !== user.version) {
        throw localizedError('conflict', 'errors.workflow.stale', { version: user.version }, { currentVersion: user.version }, { subject: 'errors.subjects.user' });
      }
      if (changes.role && !roleAllowedForKind(changes.role, user.organization!.kind)) {
        throw invalidFieldIn('role', 'errors.user.roleNotForKind', { role: changes.role, kind: user.organization!.kind }, roleAndKindLabels(changes.role, user.organization!.kind));
      }
      if (id === actor.id && (changes.active === false || (changes.role && changes.role !== actor.role))) {
        throw localizedError('conflict', 'errors.user.notYourself');
      }
      await tx.manager.update(UserEntity, { id }, { ...changes, ...(passwordHash ? { passwordHash } : {}) });
      await tx.audit({
        subjectType: 'user',
        subjectId: id,
        action: changes.active === false ? 'deactivate' : changes.active === true ? 'activate' : 'update',
        details: { ...changes, ...(password ? { password: 'changed' } : {}) },
      });
    });
    if (changes.active === false || password) await this.auth.revokeAllSessions(id);
    return this.get(id);
  }
}
