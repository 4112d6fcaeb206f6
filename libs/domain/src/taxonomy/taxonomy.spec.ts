import fc from 'fast-check';
import {
  isStateCode,
  isTaxonomyCode,
  offerServesState,
  OBSERVER_STATES,
  REGIONS,
  regionsOfState,
  STATE_CODES,
  stateName,
  statesInRegion,
  TAXONOMY,
  taxonomyLabel,
  type TaxonomyCategory,
  UN_REGIONAL_GROUPS,
} from './index';

const CATEGORIES = Object.keys(TAXONOMY) as TaxonomyCategory[];
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const codes = (category: TaxonomyCategory) => TAXONOMY[category].map((entry) => entry.code as string);

describe('taxonomy codes', () => {
  it('has exactly the codes of DESIGN §3', () => {
    expect(codes('provisions')).toEqual(words('OP1 OP2 OP3a OP3b OP3c OP3d REPORTING OUTREACH COORDINATION'));
    expect(codes('domains')).toEqual(words('NUCLEAR CHEMICAL BIOLOGICAL DELIVERY RELATED'));
    expect(codes('assistanceTypes')).toEqual(
      words('LEGISLATIVE EXPERTISE TRAINING EQUIPMENT FINANCIAL INFRASTRUCTURE TRANSLATION WORKSHOP PEER_REVIEW'),
    );
    expect(codes('targetInstitutions')).toEqual(
      words(`CUSTOMS_BORDER LICENSING NUCLEAR_REGULATOR HEALTH_BIOSAFETY CHEMICALS_ENVIRONMENT LAW_ENFORCEMENT
        FINANCIAL_INTELLIGENCE FOREIGN_AFFAIRS LEGISLATURE EMERGENCY_MANAGEMENT`),
    );
    expect(codes('deliveryModes')).toEqual(words('IN_COUNTRY REGIONAL VIRTUAL STUDY_VISIT'));
    expect(codes('regions')).toEqual(
      expect.arrayContaining(
        words(
          'GLOBAL AFRICA ASIA_PACIFIC EASTERN_EUROPE LATIN_AMERICA_CARIBBEAN WEOG OSCE CENTRAL_ASIA EU_NEIGHBOURHOOD',
        ),
      ),
    );
  });

  it.each(CATEGORIES)('%s: codes are unique', (category) => {
    expect(new Set(codes(category)).size).toBe(codes(category).length);
  });

  it.each(['provisions', 'domains', 'assistanceTypes', 'targetInstitutions', 'deliveryModes', 'regions'] as const)(
    '%s: every code has a label and a one-line help text',
    (category) => {
      for (const entry of TAXONOMY[category]) {
        expect(entry.label.trim()).not.toBe('');
        expect(entry.help).toMatch(/^[A-Z].*\.$/);
        expect(entry.help).not.toMatch(/\n/);
      }
    },
  );

  it('names codes for text people read, and leaves unknown ones as they are', () => {
    expect(taxonomyLabel('assistanceTypes', 'TRAINING')).toBe('Training');
    expect(taxonomyLabel('regions', 'ASIA_PACIFIC')).toBe('Asia-Pacific States');
    expect(taxonomyLabel('states', 'MNG')).toBe('Mongolia');
    expect(taxonomyLabel('states', 'XXX')).toBe('XXX');
  });

  it('uses ISO code shapes for States, languages and currencies', () => {
    expect(codes('states').every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(codes('languages').every((code) => /^[a-z]{2}$/.test(code))).toBe(true);
    expect(codes('currencies').every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
  });

  it('has the languages and currencies the platform needs', () => {
    expect(codes('languages')).toEqual(
      expect.arrayContaining(words('en fr es ru ar zh mn kk ky uz tg tk pt de ja ko')),
    );
    expect(codes('currencies')).toEqual(expect.arrayContaining(words('USD EUR GBP JPY CHF CAD AUD MNT RUB CNY KZT')));
    expect(TAXONOMY.currencies.find((currency) => currency.code === 'JPY')?.minorUnits).toBe(0);
    expect(TAXONOMY.currencies.find((currency) => currency.code === 'MNT')?.minorUnits).toBe(2);
  });

  it('survives a JSON round trip unchanged, as the API serves it', () => {
    expect(JSON.parse(JSON.stringify(TAXONOMY))).toEqual(TAXONOMY);
  });
});

describe('isTaxonomyCode', () => {
  it('accepts a code only in its own category, exactly as spelled', () => {
    expect(isTaxonomyCode('provisions', 'OP3a')).toBe(true);
    expect(isTaxonomyCode('provisions', 'OP3A')).toBe(false);
    expect(isTaxonomyCode('domains', 'OP3a')).toBe(false);
    expect(isTaxonomyCode('regions', 'OSCE')).toBe(true);
    expect(isTaxonomyCode('states', 'MNG')).toBe(true);
    expect(isTaxonomyCode('states', 'mng')).toBe(false);
    expect(isTaxonomyCode('languages', 'mn')).toBe(true);
    expect(isTaxonomyCode('currencies', 'MNT')).toBe(true);
  });

  it('rejects what is not a string', () => {
    expect(isTaxonomyCode('domains', undefined)).toBe(false);
    expect(isTaxonomyCode('domains', ['NUCLEAR'])).toBe(false);
    expect(isStateCode(42)).toBe(false);
  });
});

describe('States', () => {
  it('lists the 193 Member States and the two observer States', () => {
    expect(STATE_CODES).toHaveLength(195);
    expect(OBSERVER_STATES).toEqual(['VAT', 'PSE']);
    expect(TAXONOMY.states.filter((state) => state.observer).map((state) => state.code)).toEqual(['VAT', 'PSE']);
    expect(new Set(TAXONOMY.states.map((state) => state.name)).size).toBe(195);
  });

  it('names States', () => {
    expect(stateName('MNG')).toBe('Mongolia');
    expect(stateName('TUR')).toBe('Türkiye');
    expect(stateName('PSE')).toBe('State of Palestine');
    expect(stateName('XXX')).toBeUndefined();
  });
});

describe('regions', () => {
  const memberStates = STATE_CODES.filter((code) => !OBSERVER_STATES.includes(code));

  it('places every Member State in exactly one UN regional group', () => {
    const placements = UN_REGIONAL_GROUPS.flatMap((group) => statesInRegion(group));
    expect(placements).toHaveLength(193);
    expect([...placements].sort()).toEqual([...memberStates].sort());
  });

  it('has the UN regional groups at their real sizes', () => {
    expect(UN_REGIONAL_GROUPS.map((group) => [group, statesInRegion(group).length])).toEqual([
      ['AFRICA', 54],
      ['ASIA_PACIFIC', 54], // 53 members plus Kiribati
      ['EASTERN_EUROPE', 23],
      ['LATIN_AMERICA_CARIBBEAN', 33],
      ['WEOG', 29], // 28 members plus the United States
    ]);
  });

  it.each([
    ['MNG', 'ASIA_PACIFIC'],
    ['KAZ', 'ASIA_PACIFIC'],
    ['CYP', 'ASIA_PACIFIC'],
    ['KIR', 'ASIA_PACIFIC'],
    ['TUR', 'WEOG'],
    ['ISR', 'WEOG'],
    ['USA', 'WEOG'],
    ['EST', 'EASTERN_EUROPE'],
    ['CUB', 'LATIN_AMERICA_CARIBBEAN'],
    ['EGY', 'AFRICA'],
  ])('puts %s in %s', (state, group) => {
    expect(regionsOfState(state)).toContain(group);
  });

  it('has the 57 OSCE participating States, Mongolia and the Holy See among them', () => {
    expect(statesInRegion('OSCE')).toHaveLength(57);
    expect(statesInRegion('OSCE')).toEqual(expect.arrayContaining(['MNG', 'VAT', 'USA', 'CAN', 'KAZ', 'RUS']));
    expect(statesInRegion('CENTRAL_ASIA')).toEqual(['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB']);
  });

  it.each(REGIONS)('%s names known States, each once', (region) => {
    const states = statesInRegion(region);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every(isStateCode)).toBe(true);
    expect(new Set(states).size).toBe(states.length);
  });

  it('makes GLOBAL every State', () => {
    expect(statesInRegion('GLOBAL')).toEqual(STATE_CODES);
  });

  it('finds every region of a State, GLOBAL first', () => {
    expect(regionsOfState('MNG')).toEqual(['GLOBAL', 'ASIA_PACIFIC', 'OSCE']);
    expect(regionsOfState('UZB')).toEqual(['GLOBAL', 'ASIA_PACIFIC', 'OSCE', 'CENTRAL_ASIA']);
    expect(regionsOfState('PSE')).toEqual(['GLOBAL', 'EU_NEIGHBOURHOOD']);
    expect(regionsOfState('XXX')).toEqual([]);
  });
});

describe('offerServesState', () => {
  const offer = (eligibleStates: string[], eligibleRegions: string[]) => ({ eligibleStates, eligibleRegions });

  it('serves a State it names', () => {
    expect(offerServesState(offer(['MNG'], []), 'MNG')).toBe(true);
    expect(offerServesState(offer(['KAZ'], []), 'MNG')).toBe(false);
  });

  it('serves a State in one of its regions', () => {
    expect(offerServesState(offer([], ['OSCE']), 'MNG')).toBe(true);
    expect(offerServesState(offer([], ['CENTRAL_ASIA', 'AFRICA']), 'MNG')).toBe(false);
  });

  it('serves every State when GLOBAL, but nothing that is not a State', () => {
    expect(offerServesState(offer([], ['GLOBAL']), 'MNG')).toBe(true);
    expect(offerServesState(offer([], ['GLOBAL']), 'PSE')).toBe(true);
    expect(offerServesState(offer(['XXX'], ['GLOBAL', 'NOWHERE']), 'XXX')).toBe(false);
  });

  it('serves nothing with no States and no regions', () => {
    expect(offerServesState(offer([], []), 'MNG')).toBe(false);
  });

  it('serves exactly the named States and the States of its regions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...STATE_CODES), { maxLength: 5 }),
        fc.uniqueArray(fc.constantFrom(...REGIONS), { maxLength: 3 }),
        fc.constantFrom(...STATE_CODES),
        (eligibleStates, eligibleRegions, state) => {
          const reachable = new Set([
            ...eligibleStates,
            ...eligibleRegions.flatMap((region) => statesInRegion(region)),
          ]);
          expect(offerServesState({ eligibleStates, eligibleRegions }, state)).toBe(reachable.has(state));
        },
      ),
    );
  });
});
