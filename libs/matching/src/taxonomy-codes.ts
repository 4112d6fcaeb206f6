// The codes of DESIGN §3 that the scorer needs to know by name, from the one taxonomy `@app/domain` owns
// (pure data, no framework), so a code added there is known here too.
export {
  ASSISTANCE_TYPES as ASSISTANCE_TYPE_CODES,
  DELIVERY_MODES as DELIVERY_MODE_CODES,
  DOMAINS as DOMAIN_CODES,
  PROVISIONS as PROVISION_CODES,
  TARGET_INSTITUTIONS as TARGET_INSTITUTION_CODES,
} from '@app/domain';
import { DOMAINS as DOMAIN_CODES, taxonomyLabel } from '@app/domain';

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

/**
 * A code as reason lines name it, the way the web app's pickers show it: a provision by its paragraph as the
 * resolution numbers it ("OP3(d)", the part of its label before the dash) or, for the cross-cutting ones, by its
 * label ("Industry and public outreach"); every other code by its label, a State by its name. Unknown codes as
 * they are. Pass it as `ScoringContext.describe`.
 */
export function taxonomyName(category: 'provisions' | 'assistanceTypes' | 'regions' | 'states', code: string): string {
  const label = taxonomyLabel(category, code);
  return category === 'provisions' ? label.split(' — ')[0] : label;
}
