// The codes of DESIGN §3 that the scorer needs to know by name. `@app/domain` owns the taxonomy with labels;
// this library stays free of other libs, so it keeps its own copy of the bare codes.

export const PROVISION_CODES = [
  'OP1',
  'OP2',
  'OP3a',
  'OP3b',
  'OP3c',
  'OP3d',
  'REPORTING',
  'OUTREACH',
  'COORDINATION',
] as const;

export const DOMAIN_CODES = ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY', 'RELATED'] as const;

export const ASSISTANCE_TYPE_CODES = [
  'LEGISLATIVE',
  'EXPERTISE',
  'TRAINING',
  'EQUIPMENT',
  'FINANCIAL',
  'INFRASTRUCTURE',
  'TRANSLATION',
  'WORKSHOP',
  'PEER_REVIEW',
] as const;

export const TARGET_INSTITUTION_CODES = [
  'CUSTOMS_BORDER',
  'LICENSING',
  'NUCLEAR_REGULATOR',
  'HEALTH_BIOSAFETY',
  'CHEMICALS_ENVIRONMENT',
  'LAW_ENFORCEMENT',
  'FINANCIAL_INTELLIGENCE',
  'FOREIGN_AFFAIRS',
  'LEGISLATURE',
  'EMERGENCY_MANAGEMENT',
] as const;

export const DELIVERY_MODE_CODES = ['IN_COUNTRY', 'REGIONAL', 'VIRTUAL', 'STUDY_VISIT'] as const;

/** The region every State belongs to; never looked up through the scoring context. */
export const GLOBAL_REGION = 'GLOBAL';

/**
 * An offer whose domain list is empty, or names all five domains, serves every domain (DESIGN §6.1). The same
 * reading is used by eligibility and by domain coverage.
 */
export function isAllDomains(domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  for (const code of DOMAIN_CODES) if (!domains.includes(code)) return false;
  return true;
}
