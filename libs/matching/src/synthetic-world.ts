import {
  ASSISTANCE_TYPE_CODES,
  DELIVERY_MODE_CODES,
  DOMAIN_CODES,
  GLOBAL_REGION,
  PROVISION_CODES,
  TARGET_INSTITUTION_CODES,
} from './taxonomy-codes';
import type { MatchableOffer, MatchableRequest, ScoringContext } from './types';

// A deterministic synthetic world for benchmarks and property tests: many States in overlapping regions, providers
// with regional focus and specialities, offers and requests whose codes and text (English or Russian) follow the
// same themes. Same seed, same world, on every machine: the PRNG is ours and no Math.random is used.

export type Prng = () => number;

/** mulberry32: small, fast, good enough for synthetic data; returns floats in [0, 1). */
export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(rng: Prng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function pick<T>(rng: Prng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function weighted<T extends string>(rng: Prng, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rng() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}

function distinct<T extends string>(rng: Prng, weights: Readonly<Record<T, number>>, n: number): T[] {
  const out = new Set<T>();
  for (let guard = 0; out.size < n && guard < n * 20; guard++) out.add(weighted(rng, weights));
  return [...out];
}

function sample<T>(rng: Prng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

type Provision = (typeof PROVISION_CODES)[number];
type AssistanceType = (typeof ASSISTANCE_TYPE_CODES)[number];
type Institution = (typeof TARGET_INSTITUTION_CODES)[number];
type Domain = (typeof DOMAIN_CODES)[number];

const PROVISION_WEIGHTS: Record<Provision, number> = {
  OP1: 3,
  OP2: 14,
  OP3a: 8,
  OP3b: 10,
  OP3c: 18,
  OP3d: 25,
  REPORTING: 10,
  OUTREACH: 6,
  COORDINATION: 6,
};
const TYPE_WEIGHTS: Record<AssistanceType, number> = {
  LEGISLATIVE: 14,
  EXPERTISE: 16,
  TRAINING: 24,
  EQUIPMENT: 12,
  FINANCIAL: 5,
  INFRASTRUCTURE: 4,
  TRANSLATION: 3,
  WORKSHOP: 16,
  PEER_REVIEW: 6,
};
const DOMAIN_WEIGHTS: Record<Domain, number> = { NUCLEAR: 30, CHEMICAL: 25, BIOLOGICAL: 25, DELIVERY: 10, RELATED: 10 };
const INSTITUTIONS_BY_PROVISION: Record<Provision, Institution[]> = {
  OP1: ['FOREIGN_AFFAIRS', 'LAW_ENFORCEMENT'],
  OP2: ['LEGISLATURE', 'FOREIGN_AFFAIRS', 'LAW_ENFORCEMENT', 'FINANCIAL_INTELLIGENCE'],
  OP3a: ['NUCLEAR_REGULATOR', 'HEALTH_BIOSAFETY', 'CHEMICALS_ENVIRONMENT'],
  OP3b: ['NUCLEAR_REGULATOR', 'HEALTH_BIOSAFETY', 'EMERGENCY_MANAGEMENT'],
  OP3c: ['CUSTOMS_BORDER', 'LAW_ENFORCEMENT'],
  OP3d: ['LICENSING', 'CUSTOMS_BORDER', 'FINANCIAL_INTELLIGENCE'],
  REPORTING: ['FOREIGN_AFFAIRS'],
  OUTREACH: ['LICENSING', 'CHEMICALS_ENVIRONMENT', 'HEALTH_BIOSAFETY'],
  COORDINATION: ['FOREIGN_AFFAIRS', 'EMERGENCY_MANAGEMENT'],
};

type Phrases = { en: string[]; ru: string[] };

const PROVISION_PHRASES: Record<Provision, Phrases> = {
  OP1: {
    en: ['policy against support to non-State actors', 'national policy statement on non-proliferation'],
    ru: ['политика непредоставления поддержки негосударственным субъектам', 'национальная политика нераспространения'],
  },
  OP2: {
    en: [
      'criminalisation of proliferation offences',
      'penal code amendments',
      'laws prohibiting manufacture and transfer of weapons of mass destruction',
      'prohibition of proliferation financing',
    ],
    ru: [
      'криминализация правонарушений в области распространения',
      'поправки в уголовный кодекс',
      'законодательный запрет на производство и передачу оружия массового уничтожения',
      'запрет финансирования распространения',
    ],
  },
  OP3a: {
    en: [
      'accounting for nuclear material',
      'inventory of dangerous pathogens',
      'material control and accountancy',
      'securing chemical stockpiles',
    ],
    ru: [
      'учет ядерных материалов',
      'инвентаризация опасных патогенов',
      'контроль и учет материалов',
      'обеспечение сохранности химических запасов',
    ],
  },
  OP3b: {
    en: [
      'physical protection of nuclear facilities',
      'security of radioactive sources',
      'access control and perimeter protection',
      'transport security for dangerous materials',
    ],
    ru: [
      'физическая защита ядерных установок',
      'безопасность радиоактивных источников',
      'контроль доступа и защита периметра',
      'безопасность перевозки опасных материалов',
    ],
  },
  OP3c: {
    en: [
      'border controls against illicit trafficking',
      'detection of nuclear smuggling',
      'radiation portal monitors at border crossings',
      'customs enforcement of strategic goods',
      'investigation of illicit brokering',
    ],
    ru: [
      'пограничный контроль против незаконного оборота',
      'обнаружение ядерной контрабанды',
      'радиационные мониторы на пунктах пропуска',
      'таможенный контроль стратегических товаров',
      'расследование незаконного посредничества',
    ],
  },
  OP3d: {
    en: [
      'export control systems',
      'strategic trade controls',
      'national control list of dual-use items',
      'end-user verification',
      'licensing of dual-use exports',
      'transit and trans-shipment controls',
    ],
    ru: [
      'система экспортного контроля',
      'контроль стратегической торговли',
      'национальный контрольный список товаров двойного назначения',
      'проверка конечного пользователя',
      'лицензирование экспорта товаров двойного назначения',
      'контроль транзита и перевалки',
    ],
  },
  REPORTING: {
    en: [
      'national report to the 1540 Committee',
      'national implementation action plan',
      'review of the 1540 matrix',
      'reporting obligations under resolution 1540',
    ],
    ru: [
      'национальный доклад Комитету 1540',
      'национальный план действий по осуществлению',
      'обзор матрицы 1540',
      'обязательства по представлению докладов по резолюции 1540',
    ],
  },
  OUTREACH: {
    en: [
      'industry outreach on proliferation risks',
      'awareness raising in academia',
      'internal compliance programmes for exporters',
      'public awareness campaigns',
    ],
    ru: [
      'работа с промышленностью по рискам распространения',
      'повышение осведомленности в научном сообществе',
      'внутрифирменные программы соответствия для экспортеров',
      'кампании по информированию общественности',
    ],
  },
  COORDINATION: {
    en: [
      'inter-agency coordination mechanism',
      'national coordination committee',
      'single national point of contact',
      'whole-of-government approach to non-proliferation',
    ],
    ru: [
      'механизм межведомственной координации',
      'национальный координационный комитет',
      'единый национальный координатор',
      'общегосударственный подход к нераспространению',
    ],
  },
};

const TYPE_PHRASES: Record<AssistanceType, Phrases> = {
  LEGISLATIVE: {
    en: ['legislative drafting', 'legal review of existing laws', 'model legislation'],
    ru: ['разработка законодательства', 'правовой анализ действующих законов', 'типовое законодательство'],
  },
  EXPERTISE: {
    en: ['expert advice', 'technical consultations', 'advisory missions'],
    ru: ['экспертные консультации', 'техническое консультирование', 'консультативные миссии'],
  },
  TRAINING: {
    en: ['training courses', 'train-the-trainer programmes', 'hands-on exercises'],
    ru: ['учебные курсы', 'подготовка инструкторов', 'практические учения'],
  },
  EQUIPMENT: {
    en: ['detection equipment', 'handheld analysers', 'donation of equipment'],
    ru: ['оборудование обнаружения', 'портативные анализаторы', 'передача оборудования'],
  },
  FINANCIAL: {
    en: ['grant funding', 'financial support', 'project financing'],
    ru: ['грантовое финансирование', 'финансовая поддержка', 'финансирование проектов'],
  },
  INFRASTRUCTURE: {
    en: ['laboratory construction', 'facility upgrades', 'biosafety level 3 laboratory'],
    ru: ['строительство лаборатории', 'модернизация объектов', 'лаборатория третьего уровня биобезопасности'],
  },
  TRANSLATION: {
    en: ['translation of control lists', 'translation of guidance documents'],
    ru: ['перевод контрольных списков', 'перевод методических документов'],
  },
  WORKSHOP: {
    en: ['regional workshops', 'national roundtables', 'study visits'],
    ru: ['региональные семинары', 'национальные круглые столы', 'ознакомительные визиты'],
  },
  PEER_REVIEW: { en: ['peer review', 'peer assessment missions'], ru: ['взаимная оценка', 'миссии взаимного обзора'] },
};

const INSTITUTION_PHRASES: Record<Institution, Phrases> = {
  CUSTOMS_BORDER: { en: ['customs officers', 'border guards'], ru: ['сотрудников таможни', 'пограничников'] },
  LICENSING: {
    en: ['licensing authorities', 'licensing officers'],
    ru: ['лицензирующих органов', 'специалистов по лицензированию'],
  },
  NUCLEAR_REGULATOR: {
    en: ['the nuclear regulatory body', 'radiation safety inspectors'],
    ru: ['ядерного регулирующего органа', 'инспекторов радиационной безопасности'],
  },
  HEALTH_BIOSAFETY: {
    en: ['public health laboratories', 'biosafety officers'],
    ru: ['лабораторий общественного здравоохранения', 'специалистов по биобезопасности'],
  },
  CHEMICALS_ENVIRONMENT: {
    en: ['chemical industry regulators', 'the environment ministry'],
    ru: ['регуляторов химической промышленности', 'министерства окружающей среды'],
  },
  LAW_ENFORCEMENT: { en: ['police investigators', 'prosecutors'], ru: ['следователей полиции', 'прокуроров'] },
  FINANCIAL_INTELLIGENCE: {
    en: ['the financial intelligence unit', 'bank compliance officers'],
    ru: ['подразделения финансовой разведки', 'специалистов банков по комплаенсу'],
  },
  FOREIGN_AFFAIRS: {
    en: ['the ministry of foreign affairs', 'diplomats'],
    ru: ['министерства иностранных дел', 'дипломатов'],
  },
  LEGISLATURE: { en: ['parliamentarians', 'legal drafters'], ru: ['парламентариев', 'юристов-разработчиков'] },
  EMERGENCY_MANAGEMENT: {
    en: ['emergency responders', 'civil protection services'],
    ru: ['служб экстренного реагирования', 'гражданской защиты'],
  },
};

const DOMAIN_PHRASES: Record<Domain, Phrases> = {
  NUCLEAR: { en: ['nuclear and radiological materials'], ru: ['ядерные и радиологические материалы'] },
  CHEMICAL: { en: ['toxic chemicals and precursors'], ru: ['токсичные химикаты и прекурсоры'] },
  BIOLOGICAL: { en: ['pathogens and toxins'], ru: ['патогены и токсины'] },
  DELIVERY: { en: ['missiles and unmanned aerial vehicles'], ru: ['ракеты и беспилотные летательные аппараты'] },
  RELATED: { en: ['related materials and technologies'], ru: ['связанные материалы и технологии'] },
};

const FILLER: Phrases = {
  en: [
    'Activities are tailored to national needs and legal traditions.',
    'Delivery combines lectures, case studies and table-top exercises.',
    'Participants receive certificates and follow-up mentoring.',
    'Sessions can be held in person, regionally or online.',
    'The programme has supported dozens of States since its launch.',
    'A needs assessment precedes any engagement.',
    'Materials remain with the beneficiary institutions after delivery.',
  ],
  ru: [
    'Мероприятия адаптируются к национальным потребностям и правовым традициям.',
    'Занятия сочетают лекции, разбор практических случаев и штабные учения.',
    'Участники получают сертификаты и последующее наставничество.',
    'Занятия могут проводиться очно, на региональном уровне или онлайн.',
    'Программа поддержала десятки государств с момента запуска.',
    'Любому взаимодействию предшествует оценка потребностей.',
    'Материалы остаются в учреждениях-получателях после завершения.',
  ],
};

const NEEDS: Phrases = {
  en: [
    'The current framework has significant gaps identified in the 1540 matrix.',
    'Existing regulations predate the resolution and need revision.',
    'Staff turnover means that trained personnel are scarce.',
    'Several agencies share responsibilities without clear procedures.',
    'The national action plan lists this as a priority item.',
  ],
  ru: [
    'Действующая система имеет существенные пробелы, выявленные в матрице 1540.',
    'Существующие нормативные акты были приняты до резолюции и нуждаются в пересмотре.',
    'Из-за текучести кадров подготовленных специалистов не хватает.',
    'Несколько ведомств разделяют полномочия без четких процедур.',
    'Национальный план действий относит это к приоритетным мерам.',
  ],
};

const CURRENCIES = ['USD', 'USD', 'USD', 'EUR'];
const REGION_GROUPS = ['AFRICA', 'ASIA_PACIFIC', 'EASTERN_EUROPE', 'LATIN_AMERICA_CARIBBEAN', 'WEOG'] as const;
const GROUP_SHARES = [54, 53, 23, 33, 28];

export interface SyntheticWorldOptions {
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

export interface SyntheticWorld {
  seed: number;
  states: string[];
  regions: Record<string, string[]>;
  stateLanguages: Record<string, string[]>;
  providers: string[];
  offers: MatchableOffer[];
  requests: MatchableRequest[];
  priorWork: Map<string, Map<string, number>>;
  context: ScoringContext;
}

interface Provider {
  id: string;
  regions: string[];
  languages: string[];
  provisions: Provision[];
  types: AssistanceType[];
}

function stateCodes(rng: Prng, n: number): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = new Set<string>(['MNG']);
  while (codes.size < n) codes.add(`${pick(rng, [...letters])}${pick(rng, [...letters])}${pick(rng, [...letters])}`);
  return [...codes];
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const DAY_2025 = Math.floor(Date.UTC(2025, 0, 1) / 86_400_000);

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
  provisions: Provision[],
  types: AssistanceType[],
  institutions: Institution[],
  domains: Domain[],
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

function institutionsFor(rng: Prng, provisions: Provision[], n: number): Institution[] {
  const pool = [...new Set(provisions.flatMap((p) => INSTITUTIONS_BY_PROVISION[p]))];
  const out = sample(rng, pool, n);
  if (rng() < 0.15) out.push(pick(rng, TARGET_INSTITUTION_CODES));
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
  const domains: Domain[] = allDomains
    ? rng() < 0.5
      ? []
      : [...DOMAIN_CODES]
    : distinct(rng, DOMAIN_WEIGHTS, int(rng, 1, 3));
  const institutions = institutionsFor(rng, [...new Set(provisions)], int(rng, 1, 3));

  const roll = rng();
  let eligibleRegions: string[] = [];
  let eligibleStates: string[] = [];
  if (roll < world.globalShare) eligibleRegions = [GLOBAL_REGION];
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
  const start = DAY_2025 + int(rng, -200, 500);
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
    deliveryModes: sample(rng, DELIVERY_MODE_CODES, int(rng, 1, 3)),
    languages,
    capacity: {
      engagements: capped < 0.4 ? null : int(rng, 1, 12),
      budget: rng() < 0.4 ? { amount: int(rng, 20, 2000) * 100_000, currency: pick(rng, CURRENCIES) } : null,
    },
    remainingEngagements: capped < 0.4 ? null : rng() < 0.06 ? 0 : int(rng, 1, 10),
    active: rng() < 0.93,
    availableFrom: windowed ? isoDate(start) : null,
    availableUntil: windowed ? isoDate(start + int(rng, 180, 1500)) : null,
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
  const domains: Domain[] = rng() < 0.1 ? [] : distinct(rng, DOMAIN_WEIGHTS, int(rng, 1, 3));
  const institutions = institutionsFor(rng, provisions, int(rng, 1, 2));
  const languages = world.stateLanguages[state];
  const lang = languages.includes('ru') && rng() < 0.6 ? 'ru' : 'en';
  const start = DAY_2025 + int(rng, 0, 700);
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
    desiredEnd: window < 0.45 ? isoDate(start + int(rng, 60, 720)) : null,
    preferredProviderIds: rng() < 0.08 ? sample(rng, world.providers, int(rng, 1, 2)) : [],
  };
}

/** A world with `offers` offers and `requests` requests; everything follows from the seed (default 1540). */
export function generateSyntheticWorld(options: SyntheticWorldOptions): SyntheticWorld {
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
    if (!byState) priorWork.set(p, (byState = new Map<string, number>()));
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
export function generateSyntheticRequests(
  world: SyntheticWorld,
  count: number,
  seed: number,
  idPrefix = 'req-new',
): MatchableRequest[] {
  const rng = createPrng(seed);
  const out: MatchableRequest[] = [];
  for (let i = 0; i < count; i++) out.push(makeRequest(rng, `${idPrefix}-${String(i + 1).padStart(6, '0')}`, world));
  return out;
}
