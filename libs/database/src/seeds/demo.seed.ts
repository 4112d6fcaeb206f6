import { DataSource } from 'typeorm';
import { hashPassword } from '@app/common';
import { OrganizationEntity } from '../entities/organization.entity';
import { UserEntity } from '../entities/user.entity';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-organizations.data';

export interface SeedReport {
  organizations: number;
  users: number;
}

/**
 * Seeds the demo organisations and users. Idempotent: rows are matched by organisation name and user e-mail,
 * so a second run changes nothing and creates no duplicates.
 */
export async function seedDemoOrganizations(ds: DataSource): Promise<{ report: SeedReport; orgIds: Map<string, string> }> {
  const report: SeedReport = { organizations: 0, users: 0 };
  const orgIds = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (m) => {
    for (const { key, ...org } of DEMO_ORGANIZATIONS) {
      let row = await m.findOneBy(OrganizationEntity, { name: org.name });
      if (!row) {
        row = await m.save(m.create(OrganizationEntity, org));
        report.organizations++;
      }
      orgIds.set(key, row.id);
    }
    for (const { organization, ...user } of DEMO_USERS) {
      if (await m.existsBy(UserEntity, { email: user.email })) continue;
      await m.save(m.create(UserEntity, { ...user, organizationId: orgIds.get(organization)!, passwordHash }));
      report.users++;
    }
  });
  return { report, orgIds };
}
