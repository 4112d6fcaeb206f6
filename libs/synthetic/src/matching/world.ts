import {
  DELIVERY_MODES,
  DOMAINS,
  TARGET_INSTITUTIONS,
  type AssistanceTypeCode,
  type DomainCode,
  type ProvisionCode,
  type TargetInstitutionCode,
} from '@app/domain';
import type { MatchableOffer, MatchableRequest, ScoringContext } from '@app/matching';
import { createPrng, distinct, int, isoDate, pick, sample, weighted, type Prng } from '../random';
import {
  DOMAIN_PHRASES,
  DOMAIN_WEIGHTS,
  FILLER,
  INSTITUTION_PHRASES,
  INSTITUTIONS_BY_PROVISION,
  NEEDS,
  PROVISION_PHRASES,
  PROVISION_WEIGHTS,
  TYPE_PHRASES,
  TYPE_WEIGHTS,
  type Phrases,
} from './phrases';

// The matching world, for the engine's benchmarks and property tests: as many abstract States as asked for, in
// overlapping regions, providers with a regional focus and specialities, offers and requests whose codes and text
// (English or Russian) follow the same themes, and a record of past work. Its knobs (States, providers, share of
// offers open to every State) are what the engine's speed depends on; the registry world (../registry) is the one the
// database is seeded with. Its records are the engine's inputs, typed by the engine.

const CURRENCIES = ['USD', 'USD', 'USD', 'EUR'];
const REGION_GROUPS = ['AFRICA', 'ASIA_PACIFIC', 'EASTERN_EUROPE', 'LATIN_AMERICA_CARIBBEAN', 'WEOG'] as const;
const GROUP_SHARES = [54, 53, 23, 33, 28];

export interface MatchingWorldOptions {
  seed?: number;
  offers: number;
  requests: number;
  states?: number;
  providers?: number;
  /**
   * Share of offers open to every State (`GLOBAL`). Default 0.4: international organisations (IAEA, OPCW, WCO,
   * INTERPOL, UNODC, UNODA, UNICRI) offer to all their members, and several State programmes are worldwide.
   * Of the rest, three in five target one to three regions and two in five a list of States.
   */
  globalShare?: number;
}

export interface MatchingWorld {
  seed: number;
  states: string[];
  regions: Record<string, string[]>;
  stateLanguages: Record<string, string[]>;
  providers: string[];
  offers: MatchableOffer[];
  requests: MatchableRequest[];
  /** Completed engagements per provider and State. */
  priorWork: Map<string, Map<string, number>>;
  context: ScoringContext;
}

interface Provider {
  id: string;
  regions: string[];
  languages: string[];
  provisions: ProvisionCode[];
  types: AssistanceTypeCode[];
}

function stateCodes(rng: Prng, n: number): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = new Set<string>(['MNG']);
  while (codes.size < n) codes.add(`${pick(rng, [...letters])}${pick(rng, [...letters])}${pick(rng, [...letters])}`);
  return [...codes];
}

const DAY_MS = 86_400_000;
const JANUARY_2025 = Date.UTC(2025, 0, 1);

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function buildRegions(
  rng: Prng,
  states: string[],
): { regions: Record<string, string[]>; languages: Record<string, string[]> } {
  const regions: Record<string, string[]> = {};
  const total = GROUP_SHARES.reduce((a, b) => a + b, 0);
  let cursor = 0;
  const order = [...states];
  REGION_GROUPS.forEach((group, g) => {
    const size =
      g === REGION_GROUPS.length - 1 ? order.length - cursor : Math.round((GROUP_SHARES[g] / total) * order.length);
    regions[group] = order.slice(cursor, cursor + size);
    cursor += size;
  });
  // MNG sits in ASIA_PACIFIC as in the real world.
  for (const group of REGION_GROUPS) regions[group] = regions[group].filter((s) => s !== 'MNG');
  regions.ASIA_PACIFIC.push('MNG');
  const ap = regions.ASIA_PACIFIC;
  const ee = regions.EASTERN_EUROPE;
  const af = regions.AFRICA;
  const lac = regions.LATIN_AMERICA_CARIBBEAN;
  regions.CENTRAL_ASIA = sample(
    rng,
    ap.filter((s) => s !== 'MNG'),
    5,
  );
  regions.OSCE = [...ee, ...regions.WEOG, ...regions.CENTRAL_ASIA, 'MNG'];
  regions.EU_NEIGHBOURHOOD = [...sample(rng, ee, 6), ...sample(rng, af, 5), ...sample(rng, ap, 5)];
  regions.ASEAN = sample(rng, ap, 10);
  regions.CARICOM = sample(rng, lac, 14);
  regions.PACIFIC_ISLANDS = sample(rng, ap, 12);
  regions.SAHEL = sample(rng, af, 6);
  regions.GULF = sample(rng, ap, 6);
  regions.AFRICAN_UNION = [...af];

  const languages: Record<string, string[]> = {};
  const russian = new Set([...sample(rng, ee, Math.ceil(ee.length / 3)), ...regions.CENTRAL_ASIA]);
  for (const s of states) languages[s] = ['en'];
  for (const s of af) languages[s] = rng() < 0.45 ? ['fr', 'en'] : rng() < 0.3 ? ['ar', 'en'] : ['en'];
  for (const s of lac) languages[s] = rng() < 0.7 ? ['es', 'en'] : ['en'];
  for (const s of regions.GULF) languages[s] = ['ar', 'en'];
  for (const s of russian) languages[s] = ['ru', 'en'];
  languages.MNG = ['mn', 'en', 'ru'];
  return { regions, languages };
}

function makeProviders(rng: Prng, n: number, regions: Record<string, string[]>): Provider[] {
  const regionNames = Object.keys(regions);
  const providers: Provider[] = [];
  for (let i = 0; i < n; i++) {
    const focus = sample(rng, regionNames, int(rng, 1, 3));
    const languages = ['en'];
    if (focus.includes('EASTERN_EUROPE') || focus.includes('CENTRAL_ASIA') || rng() < 0.1) languages.push('ru');
    if (focus.includes('AFRICA') || focus.includes('SAHEL') || rng() < 0.15) languages.push('fr');
    if (focus.includes('LATIN_AMERICA_CARIBBEAN') || rng() < 0.1) languages.push('es');
    if (rng() < 0.08) languages.push('ar');
    providers.push({
      id: `prov-${String(i + 1).padStart(4, '0')}`,
      regions: focus,
      languages,
      provisions: distinct(rng, PROVISION_WEIGHTS, int(rng, 2, 4)),
      types: distinct(rng, TYPE_WEIGHTS, int(rng, 2, 4)),
    });
  }
  return providers;
}

function describe(
  rng: Prng,
  lang: 'en' | 'ru',
  provisions: ProvisionCode[],
  types: AssistanceTypeCode[],
  institutions: TargetInstitutionCode[],
  domains: DomainCode[],
  extra: Phrases,
): string {
  const parts: string[] = [];
  for (const p of provisions) {
    const phrase = pick(rng, PROVISION_PHRASES[p][lang]);
    const inst = institutions.length > 0 ? pick(rng, INSTITUTION_PHRASES[pick(rng, institutions)][lang]) : null;
    if (lang === 'en') parts.push(`${sentence(phrase)}${inst ? ` for ${inst}` : ''}.`);
    else parts.push(`${sentence(phrase)}${inst ? ` для ${inst}` : ''}.`);
  }
  for (const t of types) {
    const phrase = pick(rng, TYPE_PHRASES[t][lang]);
    parts.push(lang === 'en' ? `Support through ${phrase}.` : `Поддержка в форме: ${phrase}.`);
  }
  if (domains.length > 0) {
    const phrase = domains.map((d) => DOMAIN_PHRASES[d][lang][0]).join(lang === 'en' ? ', ' : ', ');
    parts.push(lang === 'en' ? `Scope: ${phrase}.` : `Охват: ${phrase}.`);
  }
  for (const f of sample(rng, extra[lang], int(rng, 1, 3))) parts.push(f);
  return parts.join(' ');
}

function institutionsFor(rng: Prng, provisions: ProvisionCode[], n: number): TargetInstitutionCode[] {
  const pool = [...new Set(provisions.flatMap((p) => INSTITUTIONS_BY_PROVISION[p]))];
  const out = sample(rng, pool, n);
  if (rng() < 0.15) out.push(pick(rng, TARGET_INSTITUTIONS));
  return [...new Set(out)];
}

function makeOffer(
  rng: Prng,
  i: number,
  provider: Provider,
  world: { states: string[]; regions: Record<string, string[]>; globalShare: number },
): MatchableOffer {
  const provisions = sample(rng, provider.provisions, int(rng, 1, Math.min(3, provider.provisions.length)));
  if (rng() < 0.2) provisions.push(weighted(rng, PROVISION_WEIGHTS));
  const types = sample(rng, provider.types, int(rng, 1, Math.min(3, provider.types.length)));
  const allDomains = rng() < 0.2;
  const domains: DomainCode[] = allDomains
    ? rng() < 0.5
      ? []
      : [...DOMAINS]
    : distinct(rng, DOMAIN_WEIGHTS, int(rng, 1, 3));
  const institutions = institutionsFor(rng, [...new Set(provisions)], int(rng, 1, 3));

  const roll = rng();
  let eligibleRegions: string[] = [];
  let eligibleStates: string[] = [];
  if (roll < world.globalShare) eligibleRegions = ['GLOBAL'];
  else if (roll < world.globalShare + (1 - world.globalShare) * 0.6) {
    eligibleRegions = sample(rng, provider.regions, int(rng, 1, provider.regions.length));
  } else {
    const pool = world.regions[pick(rng, provider.regions)];
    eligibleStates = sample(rng, pool, int(rng, 2, 15));
  }

  const russian = provider.languages.includes('ru') && rng() < 0.35;
  const lang = russian ? 'ru' : 'en';
  const languages = sample(rng, provider.languages, int(rng, 1, provider.languages.length));
  if (russian && !languages.includes('ru')) languages.push('ru');
  const mainPhrase = PROVISION_PHRASES[provisions[0]][lang][0];
  const typePhrase = TYPE_PHRASES[types[0]][lang][0];
  const title = sentence(`${mainPhrase}: ${typePhrase}`);
  const start = JANUARY_2025 + int(rng, -200, 500) * DAY_MS;
  const windowed = rng() < 0.5;
  const capped = rng();
  return {
    id: `off-${String(i + 1).padStart(5, '0')}`,
    providerId: provider.id,
    provisions: [...new Set(provisions)],
    domains,
    assistanceTypes: types,
    targetInstitutions: institutions,
    eligibleRegions,
    eligibleStates,
    deliveryModes: sample(rng, DELIVERY_MODES, int(rng, 1, 3)),
    languages,
    capacity: {
      engagements: capped < 0.4 ? null : int(rng, 1, 12),
      budget: rng() < 0.4 ? { amount: int(rng, 20, 2000) * 100_000, currency: pick(rng, CURRENCIES) } : null,
    },
    remainingEngagements: capped < 0.4 ? null : rng() < 0.06 ? 0 : int(rng, 1, 10),
    active: rng() < 0.93,
    availableFrom: windowed ? isoDate(start) : null,
    availableUntil: windowed ? isoDate(start + int(rng, 180, 1500) * DAY_MS) : null,
    title,
    description: describe(rng, lang, provisions, types, institutions, domains, FILLER),
  };
}

function makeRequest(
  rng: Prng,
  id: string,
  world: { states: string[]; stateLanguages: Record<string, string[]>; providers: string[] },
): MatchableRequest {
  const state = pick(rng, world.states);
  const provisions = distinct(rng, PROVISION_WEIGHTS, int(rng, 1, 3));
  const types = distinct(rng, TYPE_WEIGHTS, int(rng, 1, 3));
  const domains: DomainCode[] = rng() < 0.1 ? [] : distinct(rng, DOMAIN_WEIGHTS, int(rng, 1, 3));
  const institutions = institutionsFor(rng, provisions, int(rng, 1, 2));
  const languages = world.stateLanguages[state];
  const lang = languages.includes('ru') && rng() < 0.6 ? 'ru' : 'en';
  const start = JANUARY_2025 + int(rng, 0, 700) * DAY_MS;
  const window = rng();
  const title =
    lang === 'en'
      ? sentence(`assistance with ${pick(rng, PROVISION_PHRASES[provisions[0]].en)}`)
      : sentence(`содействие: ${pick(rng, PROVISION_PHRASES[provisions[0]].ru)}`);
  return {
    id,
    state,
    provisions,
    domains,
    assistanceTypes: types,
    targetInstitutions: institutions,
    title,
    description: describe(rng, lang, provisions, types, institutions, domains, NEEDS),
    languages,
    estimatedCost: rng() < 0.5 ? { amount: int(rng, 10, 1500) * 100_000, currency: pick(rng, CURRENCIES) } : null,
    desiredStart: window < 0.6 ? isoDate(start) : null,
    desiredEnd: window < 0.45 ? isoDate(start + int(rng, 60, 720) * DAY_MS) : null,
    preferredProviderIds: rng() < 0.08 ? sample(rng, world.providers, int(rng, 1, 2)) : [],
  };
}

/** A world with `offers` offers and `requests` requests; everything follows from the seed (default 1540). */
export function generateMatchingWorld(options: MatchingWorldOptions): MatchingWorld {
  const seed = options.seed ?? 1540;
  const rng = createPrng(seed);
  const states = stateCodes(rng, options.states ?? 190);
  const { regions, languages: stateLanguages } = buildRegions(rng, states);
  const providers = makeProviders(rng, options.providers ?? 300, regions);
  const offers: MatchableOffer[] = [];
  const globalShare = options.globalShare ?? 0.4;
  for (let i = 0; i < options.offers; i++) {
    offers.push(makeOffer(rng, i, pick(rng, providers), { states, regions, globalShare }));
  }

  const priorWork = new Map<string, Map<string, number>>();
  for (let i = 0; i < providers.length * 8; i++) {
    const p = pick(rng, providers).id;
    const s = pick(rng, states);
    let byState = priorWork.get(p);
    if (!byState) priorWork.set(p, (byState = new Map()));
    byState.set(s, (byState.get(s) ?? 0) + 1);
  }
  const providerIds = providers.map((p) => p.id);
  const requests: MatchableRequest[] = [];
  for (let i = 0; i < options.requests; i++) {
    requests.push(
      makeRequest(rng, `req-${String(i + 1).padStart(6, '0')}`, { states, stateLanguages, providers: providerIds }),
    );
  }
  const empty: readonly string[] = [];
  const context: ScoringContext = {
    regionStates: (region) => regions[region] ?? empty,
    priorCompletedWork: (providerId, state) => priorWork.get(providerId)?.get(state) ?? 0,
  };
  return { seed, states, regions, stateLanguages, providers: providerIds, offers, requests, priorWork, context };
}

/** More requests for an existing world, from their own seed (e.g. "new" requests in a latency benchmark). */
export function generateMatchingRequests(
  world: MatchingWorld,
  count: number,
  seed: number,
  idPrefix = 'req-new',
): MatchableRequest[] {
  const rng = createPrng(seed);
  const out: MatchableRequest[] = [];
  for (let i = 0; i < count; i++) out.push(makeRequest(rng, `${idPrefix}-${String(i + 1).padStart(6, '0')}`, world));
  return out;
}
