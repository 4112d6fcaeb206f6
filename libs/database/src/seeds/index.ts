import type { DataSource } from 'typeorm';
import { seedDemoOrganizations } from './demo.seed';

export * from './demo-organizations.data';
export * from './demo.seed';

/** The whole demo world; each part is idempotent. Returns how many rows each part created. */
export async function seedDemo(ds: DataSource): Promise<Record<string, number>> {
  const { report } = await seedDemoOrganizations(ds);
  return { ...report };
}
