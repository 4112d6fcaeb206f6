import type { DataSource } from 'typeorm';
import { seedDemoActionPlan } from './demo-action-plan.seed';
import { seedDemoEngagements } from './demo-engagements.seed';
import { seedDemoMatches } from './demo-matches.seed';
import { seedDemoWorld } from './demo-world.seed';
import { seedDemoOrganizations } from './demo.seed';

export * from './demo-action-plan.data';
export * from './demo-action-plan.seed';
export * from './demo-engagements.seed';
export * from './demo-matches.seed';
export * from './demo-offers.data';
export * from './demo-organizations.data';
export * from './demo-requests.data';
export * from './demo-world.seed';
export * from './demo.seed';
export * from './synthetic-world.seed';

/** The whole demo world; each part is idempotent. Returns how many rows each part created. */
export async function seedDemo(ds: DataSource): Promise<Record<string, number>> {
  const { report, orgIds } = await seedDemoOrganizations(ds);
  const world = await seedDemoWorld(ds, orgIds);
  const matches = await seedDemoMatches(ds);
  const plans = await seedDemoActionPlan(ds, orgIds);
  const engagements = await seedDemoEngagements(ds, orgIds);
  return { ...report, ...world, ...matches, ...plans, ...engagements };
}
