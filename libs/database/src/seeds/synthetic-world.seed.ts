import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '@app/common';
import {
  DELIVERY_MODES,
  DOMAINS,
  formatRequestReference,
  objectionWindowCloses,
  PROVISIONS,
  REGION_STATES,
  REGIONS,
  STATE_CODES,
  SYSTEM_ROLE,
  type AssistanceTypeCode,
  type CloseReason,
  type DeliveryModeCode,
  type DomainCode,
  type LanguageCode,
  type OfferStatus,
  type ProvisionCode,
  type RegionCode,
  type RequestStatus,
  type Role,
  type StateCode,
  type TargetInstitutionCode,
} from '@app/domain';
import { DEMO_PASSWORD } from './demo-organizations.data';

// A large, plausible world for benchmarks and load tests: State agencies and providers across every region,
// requests in every status (most of them circulated), offers, and a full history for each. Synthetic rows are
// recognisable: their organisations are named "Synthetic …" and their users have @synthetic.example addresses.
// Rows go in with multi-row INSERTs in chunks, so 20,000 requests take seconds, not minutes.

export const SYNTHETIC_NAME_PREFIX = 'Synthetic ';
export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.example';

export interface SyntheticWorldOptions {
  requests: number;
  offers: number;
  /** Same seed, same content (ids, references and now-relative dates aside). */
  seed?: number;
  now?: Date;
}

export interface SyntheticWorldReport {
  organizations: number;
  users: number;
  requests: number;
  offers: number;
  historyEntries: number;
  elapsedMs: number;
}

export const DEFAULT_SYNTHETIC_SEED = 1540;

// The GIN search indexes of the requests-and-offers migration.
const SEARCH_INDEXES = [
  'ix_assistance_requests_fts',
  'ix_assistance_requests_trgm',
  'ix_assistance_offers_fts',
  'ix_assistance_offers_trgm',
] as const;

// PostgreSQL's limit on bind parameters in one statement.
const MAX_PARAMETERS = 65_535;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
const WORLD_BEGINS = Date.UTC(2019, 0, 1);

// ── Seeded randomness ─────────────────────────────────────────────────────────────────────────────────────

type Rng = () => number;

/** mulberry32: small and fast; floats in [0, 1). */
function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

function weighted<T extends string>(rng: Rng, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = rng() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** `n` distinct items, in the order they were drawn. */
function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

// ── Themes: what requests ask for and offers provide, with English and Russian text ───────────────────────

interface ThemeText {
  title: string;
  need: string;
  offerTitle: string;
  offer: string;
}

interface Theme {
  key: string;
  weight: number;
  provisions: readonly ProvisionCode[];
  domains: readonly DomainCode[];
  types: readonly AssistanceTypeCode[];
  institutions: readonly TargetInstitutionCode[];
  en: ThemeText;
  ru: ThemeText;
}

const THEMES: readonly Theme[] = [
  {
    key: 'control-list',
    weight: 10,
    provisions: ['OP3d'],
    domains: DOMAINS,
    types: ['LEGISLATIVE', 'EXPERTISE', 'TRANSLATION'],
    institutions: ['LICENSING', 'CUSTOMS_BORDER'],
    en: {
      title: 'National control list of dual-use goods and technologies',
      need: 'The State has no up-to-date national list of controlled dual-use goods and technologies.',
      offerTitle: 'Expert support to draft and update national control lists',
      offer:
        'Experts help draft a national control list based on the multilateral regimes and correlate it with customs tariff codes.',
    },
    ru: {
      title: 'Национальный контрольный список товаров и технологий двойного назначения',
      need: 'В государстве нет актуального национального списка контролируемых товаров и технологий двойного назначения.',
      offerTitle: 'Экспертная помощь в разработке национальных контрольных списков',
      offer:
        'Эксперты помогают разработать национальный контрольный список на основе многосторонних режимов и сопоставить его с кодами таможенной номенклатуры.',
    },
  },
  {
    key: 'licensing',
    weight: 8,
    provisions: ['OP3d'],
    domains: DOMAINS,
    types: ['TRAINING', 'EXPERTISE', 'LEGISLATIVE'],
    institutions: ['LICENSING'],
    en: {
      title: 'Export licensing procedures and end-user controls',
      need: 'Licensing officials lack procedures for assessing applications and verifying end users.',
      offerTitle: 'Licensing and end-use verification training',
      offer:
        'Courses for licensing officials on risk assessment of applications, end-user certificates and post-shipment checks.',
    },
    ru: {
      title: 'Процедуры экспортного лицензирования и контроль конечного использования',
      need: 'У сотрудников лицензирующего органа нет процедур оценки заявок и проверки конечных пользователей.',
      offerTitle: 'Обучение по лицензированию и проверке конечного использования',
      offer:
        'Курсы для сотрудников лицензирующих органов по оценке рисков заявок, сертификатам конечного пользователя и проверкам после поставки.',
    },
  },
  {
    key: 'radiation-detection',
    weight: 8,
    provisions: ['OP3c', 'OP3a'],
    domains: ['NUCLEAR', 'RELATED'],
    types: ['EQUIPMENT', 'TRAINING'],
    institutions: ['CUSTOMS_BORDER', 'NUCLEAR_REGULATOR'],
    en: {
      title: 'Radiation detection at border crossing points',
      need: 'Several border crossings have no radiation portal monitors.',
      offerTitle: 'Radiation detection equipment and alarm response training',
      offer: 'Portal monitors and handheld identifiers for land borders, ports and airports, with operator training.',
    },
    ru: {
      title: 'Радиационный контроль на пунктах пропуска через государственную границу',
      need: 'На ряде пунктов пропуска отсутствуют стационарные радиационные мониторы.',
      offerTitle: 'Оборудование радиационного контроля и обучение реагированию на сигналы тревоги',
      offer:
        'Стационарные мониторы и портативные идентификаторы для сухопутных границ, портов и аэропортов, а также обучение операторов.',
    },
  },
  {
    key: 'commodity-identification',
    weight: 10,
    provisions: ['OP3c', 'OP3d'],
    domains: DOMAINS,
    types: ['TRAINING', 'WORKSHOP'],
    institutions: ['CUSTOMS_BORDER', 'LAW_ENFORCEMENT'],
    en: {
      title: 'Commodity identification training for customs officers',
      need: 'Front-line officers cannot recognise controlled dual-use goods in cargo.',
      offerTitle: 'Commodity identification training for customs and border agencies',
      offer: 'Hands-on courses on recognising controlled commodities in cargo, with train-the-trainer sessions.',
    },
    ru: {
      title: 'Обучение таможенных сотрудников идентификации товаров',
      need: 'Сотрудники на границе не умеют распознавать контролируемые товары двойного назначения в грузах.',
      offerTitle: 'Обучение идентификации товаров для таможенных и пограничных служб',
      offer: 'Практические курсы по распознаванию контролируемых товаров в грузах, включая подготовку инструкторов.',
    },
  },
  {
    key: 'biosafety',
    weight: 7,
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    types: ['INFRASTRUCTURE', 'EQUIPMENT', 'FINANCIAL', 'TRAINING'],
    institutions: ['HEALTH_BIOSAFETY'],
    en: {
      title: 'Biosafety and biosecurity of laboratories handling dangerous pathogens',
      need: 'Laboratories that hold dangerous pathogens do not meet current biosafety and biosecurity standards.',
      offerTitle: 'Support for laboratory biosafety and biosecurity',
      offer:
        'Funding, equipment and training to bring laboratories that handle dangerous pathogens up to international standards.',
    },
    ru: {
      title: 'Биобезопасность и биозащита лабораторий, работающих с опасными патогенами',
      need: 'Лаборатории, в которых хранятся опасные патогены, не соответствуют современным стандартам биобезопасности и биозащиты.',
      offerTitle: 'Поддержка биобезопасности и биозащиты лабораторий',
      offer:
        'Финансирование, оборудование и обучение для приведения лабораторий, работающих с опасными патогенами, в соответствие с международными стандартами.',
    },
  },
  {
    key: 'chemical-security',
    weight: 6,
    provisions: ['OP3a', 'OUTREACH'],
    domains: ['CHEMICAL'],
    types: ['TRAINING', 'WORKSHOP'],
    institutions: ['CHEMICALS_ENVIRONMENT'],
    en: {
      title: 'Security of toxic chemicals at industrial sites',
      need: 'Industrial sites store large quantities of toxic chemicals with little security.',
      offerTitle: 'Chemical security training for industry and regulators',
      offer: 'Workshops on securing toxic chemicals and precursors in production, storage and transport.',
    },
    ru: {
      title: 'Сохранность токсичных химикатов на промышленных объектах',
      need: 'На промышленных объектах хранятся большие объёмы токсичных химикатов при слабой охране.',
      offerTitle: 'Обучение по химической безопасности для промышленности и регуляторов',
      offer:
        'Семинары по обеспечению сохранности токсичных химикатов и прекурсоров при производстве, хранении и перевозке.',
    },
  },
  {
    key: 'physical-protection',
    weight: 5,
    provisions: ['OP3b', 'OP3a'],
    domains: ['NUCLEAR', 'RELATED'],
    types: ['EXPERTISE', 'EQUIPMENT'],
    institutions: ['NUCLEAR_REGULATOR'],
    en: {
      title: 'Physical protection of radioactive sources',
      need: 'Radioactive sources in hospitals and industry are not adequately protected against theft.',
      offerTitle: 'Physical protection upgrades for radioactive sources',
      offer: 'Assessment of sites and upgrades of physical protection for high-activity radioactive sources.',
    },
    ru: {
      title: 'Физическая защита радиоактивных источников',
      need: 'Радиоактивные источники в медицине и промышленности недостаточно защищены от хищения.',
      offerTitle: 'Модернизация физической защиты радиоактивных источников',
      offer: 'Оценка объектов и модернизация физической защиты высокоактивных радиоактивных источников.',
    },
  },
  {
    key: 'legislation',
    weight: 9,
    provisions: ['OP2', 'OP1'],
    domains: DOMAINS,
    types: ['LEGISLATIVE', 'EXPERTISE'],
    institutions: ['LEGISLATURE', 'FOREIGN_AFFAIRS', 'LAW_ENFORCEMENT'],
    en: {
      title: 'Criminalising WMD-related offences in national law',
      need: 'National law does not yet prohibit all activities listed in operative paragraph 2 of resolution 1540.',
      offerTitle: 'Legislative assistance for resolution 1540',
      offer: 'Review of national legislation against resolution 1540 and help drafting amendments.',
    },
    ru: {
      title: 'Криминализация правонарушений, связанных с ОМУ, в национальном законодательстве',
      need: 'Национальное законодательство пока не запрещает все виды деятельности, перечисленные в пункте 2 резолюции 1540.',
      offerTitle: 'Помощь в законодательной работе по резолюции 1540',
      offer: 'Анализ национального законодательства на соответствие резолюции 1540 и помощь в подготовке поправок.',
    },
  },
  {
    key: 'proliferation-financing',
    weight: 5,
    provisions: ['OP2', 'OP3d'],
    domains: DOMAINS,
    types: ['TRAINING', 'LEGISLATIVE', 'EXPERTISE'],
    institutions: ['FINANCIAL_INTELLIGENCE'],
    en: {
      title: 'Countering proliferation financing',
      need: 'Banks and the financial intelligence unit have no guidance on proliferation financing risks.',
      offerTitle: 'Training on countering proliferation financing',
      offer:
        'Training for financial intelligence units, supervisors and banks on proliferation financing risks and targeted financial sanctions.',
    },
    ru: {
      title: 'Противодействие финансированию распространения оружия массового уничтожения',
      need: 'У банков и подразделения финансовой разведки нет методических рекомендаций по рискам финансирования распространения.',
      offerTitle: 'Обучение по противодействию финансированию распространения',
      offer:
        'Обучение подразделений финансовой разведки, надзорных органов и банков по рискам финансирования распространения и адресным финансовым санкциям.',
    },
  },
  {
    key: 'national-report',
    weight: 7,
    provisions: ['REPORTING'],
    domains: DOMAINS,
    types: ['EXPERTISE', 'WORKSHOP'],
    institutions: ['FOREIGN_AFFAIRS'],
    en: {
      title: 'Preparing the national report and a National Implementation Action Plan',
      need: 'The national report to the 1540 Committee is out of date and no action plan exists.',
      offerTitle: 'Support for national reports and action plans',
      offer: 'Expert help to prepare national reports and voluntary National Implementation Action Plans.',
    },
    ru: {
      title: 'Подготовка национального доклада и национального плана действий',
      need: 'Национальный доклад Комитету 1540 устарел, плана действий нет.',
      offerTitle: 'Содействие в подготовке национальных докладов и планов действий',
      offer: 'Экспертная помощь в подготовке национальных докладов и добровольных национальных планов действий.',
    },
  },
  {
    key: 'coordination',
    weight: 5,
    provisions: ['COORDINATION'],
    domains: DOMAINS,
    types: ['WORKSHOP', 'EXPERTISE'],
    institutions: ['FOREIGN_AFFAIRS', 'LAW_ENFORCEMENT'],
    en: {
      title: 'National inter-agency coordination mechanism',
      need: 'The agencies that implement resolution 1540 have no standing coordination mechanism.',
      offerTitle: 'Establishing national coordination mechanisms',
      offer: 'Advice and tabletop exercises to set up and test inter-agency coordination on non-proliferation.',
    },
    ru: {
      title: 'Национальный механизм межведомственной координации',
      need: 'У ведомств, осуществляющих резолюцию 1540, нет постоянного механизма координации.',
      offerTitle: 'Создание национальных механизмов координации',
      offer:
        'Консультации и штабные учения для создания и проверки межведомственной координации в сфере нераспространения.',
    },
  },
  {
    key: 'outreach',
    weight: 5,
    provisions: ['OUTREACH', 'OP3d'],
    domains: DOMAINS,
    types: ['WORKSHOP', 'TRAINING'],
    institutions: ['LICENSING'],
    en: {
      title: 'Outreach to industry and academia on export controls',
      need: 'Companies and universities are unaware of their obligations under export control law.',
      offerTitle: 'Industry and academic outreach seminars',
      offer:
        'Seminars for companies and universities on export control obligations and internal compliance programmes.',
    },
    ru: {
      title: 'Информационная работа с промышленностью и научным сообществом по экспортному контролю',
      need: 'Компании и университеты не знают о своих обязанностях по законодательству об экспортном контроле.',
      offerTitle: 'Семинары для промышленности и научного сообщества',
      offer:
        'Семинары для компаний и университетов об обязанностях в сфере экспортного контроля и внутрифирменных программах соответствия.',
    },
  },
  {
    key: 'cbrn-response',
    weight: 6,
    provisions: ['OP3c', 'OP3b'],
    domains: ['CHEMICAL', 'BIOLOGICAL', 'NUCLEAR'],
    types: ['TRAINING', 'EQUIPMENT'],
    institutions: ['EMERGENCY_MANAGEMENT', 'LAW_ENFORCEMENT'],
    en: {
      title: 'Response capacity for chemical, biological, radiological and nuclear incidents',
      need: 'First responders are not equipped or trained for CBRN incidents.',
      offerTitle: 'CBRN first responder training and equipment',
      offer: 'Training and equipment for first responders to detect and respond to CBRN incidents.',
    },
    ru: {
      title: 'Потенциал реагирования на химические, биологические, радиологические и ядерные инциденты',
      need: 'Службы экстренного реагирования не оснащены и не обучены действиям при инцидентах ХБРЯ.',
      offerTitle: 'Обучение и оснащение служб реагирования на инциденты ХБРЯ',
      offer:
        'Обучение и оборудование для служб первого реагирования по обнаружению инцидентов ХБРЯ и реагированию на них.',
    },
  },
  {
    key: 'delivery-systems',
    weight: 3,
    provisions: ['OP3d'],
    domains: ['DELIVERY', 'RELATED'],
    types: ['EXPERTISE', 'TRAINING'],
    institutions: ['LICENSING', 'CUSTOMS_BORDER'],
    en: {
      title: 'Controls on missile and unmanned aerial vehicle technology',
      need: 'Control lists and licensing practice do not yet cover missile and UAV technology.',
      offerTitle: 'Expert advice on controls of means of delivery',
      offer: 'Advice on controlling missile, UAV and related technology transfers, based on the MTCR annex.',
    },
    ru: {
      title: 'Контроль за ракетными технологиями и беспилотными летательными аппаратами',
      need: 'Контрольные списки и практика лицензирования пока не охватывают ракетные технологии и БПЛА.',
      offerTitle: 'Экспертные консультации по контролю средств доставки',
      offer:
        'Консультации по контролю передачи ракетных технологий, БПЛА и связанных технологий на основе приложения РКРТ.',
    },
  },
  {
    key: 'peer-review',
    weight: 2,
    provisions: ['REPORTING', 'COORDINATION'],
    domains: DOMAINS,
    types: ['PEER_REVIEW', 'WORKSHOP'],
    institutions: ['FOREIGN_AFFAIRS'],
    en: {
      title: 'Voluntary peer review of 1540 implementation',
      need: 'The State wants an outside view of its implementation and to learn from a neighbouring State.',
      offerTitle: 'Facilitated peer reviews between States',
      offer: 'Facilitation of voluntary peer reviews with study visits and a joint report.',
    },
    ru: {
      title: 'Добровольный взаимный обзор осуществления резолюции 1540',
      need: 'Государство хотело бы получить внешнюю оценку осуществления и перенять опыт соседнего государства.',
      offerTitle: 'Содействие взаимным обзорам между государствами',
      offer: 'Организация добровольных взаимных обзоров с ознакомительными визитами и совместным докладом.',
    },
  },
];

const THEME_WEIGHTS: Record<string, number> = Object.fromEntries(THEMES.map((t) => [t.key, t.weight]));
const THEME_BY_KEY = new Map(THEMES.map((t) => [t.key, t]));

const GAPS = {
  en: [
    'Staff turnover is high and few officers have specialised training.',
    'Current legislation predates resolution 1540 and has gaps.',
    'Equipment at the main crossing points is outdated or missing.',
    'Agencies do not yet share information systematically.',
    'No budget line covers this work in the next two years.',
  ],
  ru: [
    'Высокая текучесть кадров, специальную подготовку прошли немногие сотрудники.',
    'Действующее законодательство принято до резолюции 1540 и содержит пробелы.',
    'Оборудование на основных пунктах пропуска устарело или отсутствует.',
    'Ведомства пока не обмениваются информацией на систематической основе.',
    'В бюджете на ближайшие два года нет средств на эту работу.',
  ],
};

const EXISTING = {
  en: [
    'A first draft was prepared with the help of a regional organisation.',
    'Some officers attended regional courses.',
    'Nothing comparable exists yet.',
    'A pilot was run at one site.',
  ],
  ru: [
    'Первый проект подготовлен при содействии региональной организации.',
    'Часть сотрудников прошла региональные курсы.',
    'Аналогичных мер пока нет.',
    'На одном объекте проведён пилотный проект.',
  ],
};

const TYPE_PHRASES: Record<'en' | 'ru', Record<AssistanceTypeCode, string>> = {
  en: {
    LEGISLATIVE: 'legislative drafting support',
    EXPERTISE: 'expert advice',
    TRAINING: 'training for the officers concerned',
    EQUIPMENT: 'equipment',
    FINANCIAL: 'financial support',
    INFRASTRUCTURE: 'help with infrastructure',
    TRANSLATION: 'translation of the key documents',
    WORKSHOP: 'a national workshop',
    PEER_REVIEW: 'a peer review',
  },
  ru: {
    LEGISLATIVE: 'помощь в разработке законодательства',
    EXPERTISE: 'экспертные консультации',
    TRAINING: 'обучение сотрудников',
    EQUIPMENT: 'поставка оборудования',
    FINANCIAL: 'финансовая поддержка',
    INFRASTRUCTURE: 'помощь в создании инфраструктуры',
    TRANSLATION: 'перевод основных документов',
    WORKSHOP: 'проведение национального семинара',
    PEER_REVIEW: 'взаимный обзор',
  },
};

const TITLE_QUALIFIERS = {
  en: [
    '',
    '',
    '',
    ' — phase 2',
    ' (pilot)',
    ' at the main border crossings',
    ' in the capital region',
    ' for new staff',
  ],
  ru: ['', '', '', ' — второй этап', ' (пилотный проект)', ' на основных пунктах пропуска', ' в столичном регионе'],
};

// Offers that can be given in Mongolian say so in Mongolian, so search over Cyrillic finds them.
const MONGOLIAN_NOTE = 'Сургалт, зөвлөгөөг монгол хэл дээр зохион байгуулах боломжтой.';

// ── The fixed cast: organisations and their users ─────────────────────────────────────────────────────────

interface AgencyKind {
  name: string;
  short: string;
  slug: string;
  institutions: readonly TargetInstitutionCode[];
}

const POINT_OF_CONTACT: AgencyKind = {
  name: 'National 1540 Point of Contact',
  short: 'NPC',
  slug: 'npc',
  institutions: ['FOREIGN_AFFAIRS'],
};

const AGENCY_KINDS: readonly AgencyKind[] = [
  { name: 'Customs Service', short: 'Customs', slug: 'customs', institutions: ['CUSTOMS_BORDER'] },
  { name: 'Export Control Agency', short: 'ECA', slug: 'eca', institutions: ['LICENSING'] },
  { name: 'Nuclear Regulatory Authority', short: 'NRA', slug: 'nra', institutions: ['NUCLEAR_REGULATOR'] },
  { name: 'Public Health and Biosafety Agency', short: 'PHBA', slug: 'health', institutions: ['HEALTH_BIOSAFETY'] },
  { name: 'Chemicals Management Authority', short: 'CMA', slug: 'chem', institutions: ['CHEMICALS_ENVIRONMENT'] },
  { name: 'Financial Intelligence Unit', short: 'FIU', slug: 'fiu', institutions: ['FINANCIAL_INTELLIGENCE'] },
  {
    name: 'Border Police',
    short: 'Border Police',
    slug: 'border',
    institutions: ['LAW_ENFORCEMENT', 'CUSTOMS_BORDER'],
  },
  { name: 'Emergency Management Agency', short: 'EMA', slug: 'ema', institutions: ['EMERGENCY_MANAGEMENT'] },
];

const STATE_PROVIDER_UNITS = [
  'Export Control Outreach Programme',
  'Nonproliferation Assistance Office',
  'Border Security Programme',
  'Biosecurity Engagement Programme',
  'Chemical Security Programme',
  'Nuclear Security Cooperation Unit',
  'Counter-Proliferation Finance Programme',
];

const INTERNATIONAL_PROVIDER_UNITS = [
  'Regional Customs Training Centre',
  'Regional Security Directorate',
  'Centre of Excellence for CBRN Risk Mitigation',
  'Nonproliferation Institute',
  'Export Control Academy',
];

// prettier-ignore
const DONOR_STATES: readonly StateCode[] = [
  'USA', 'GBR', 'FRA', 'DEU', 'JPN', 'CAN', 'AUS', 'NLD', 'NOR', 'SWE', 'FIN', 'DNK', 'ITA', 'ESP', 'CHE', 'KOR',
  'NZL', 'AUT', 'BEL', 'CZE', 'POL', 'RUS', 'CHN', 'TUR', 'SGP', 'ARE',
];

// Languages a State's agencies write in, besides English.
// prettier-ignore
const RUSSIAN_SPEAKING: ReadonlySet<string> = new Set([
  'RUS', 'BLR', 'KAZ', 'KGZ', 'TJK', 'TKM', 'UZB', 'ARM', 'AZE', 'MDA',
]);
// prettier-ignore
const FRENCH_SPEAKING: ReadonlySet<string> = new Set([
  'BEN', 'BFA', 'BDI', 'CMR', 'CAF', 'TCD', 'COM', 'COG', 'CIV', 'COD', 'DJI', 'GAB', 'GIN', 'HTI', 'MDG', 'MLI',
  'MRT', 'MAR', 'NER', 'RWA', 'SEN', 'TGO', 'TUN', 'DZA', 'LBN',
]);
// prettier-ignore
const ARABIC_SPEAKING: ReadonlySet<string> = new Set([
  'BHR', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBY', 'OMN', 'QAT', 'SAU', 'SDN', 'SYR', 'ARE', 'YEM', 'DZA', 'MAR', 'TUN',
  'LBN',
]);
const LATIN_AMERICA: ReadonlySet<string> = new Set(REGION_STATES.LATIN_AMERICA_CARIBBEAN);

function secondLanguage(state: string): LanguageCode | null {
  if (RUSSIAN_SPEAKING.has(state)) return 'ru';
  if (FRENCH_SPEAKING.has(state)) return 'fr';
  if (ARABIC_SPEAKING.has(state)) return 'ar';
  if (LATIN_AMERICA.has(state) && state !== 'BRA' && !REGION_STATES.CARICOM.includes(state as StateCode)) return 'es';
  if (state === 'BRA') return 'pt';
  return null;
}

interface CastMember {
  name: string;
  shortName: string;
  kind: 'state_agency' | 'provider';
  state: string | null;
  email: string;
  role: Role;
  /** Filled in once the organisation and user exist. */
  orgId?: string;
  userId?: string;
}

interface Agency extends CastMember {
  kind: 'state_agency';
  state: string;
  institutions: readonly TargetInstitutionCode[];
}

interface Provider extends CastMember {
  kind: 'provider';
  regions: readonly RegionCode[];
  themes: readonly string[];
  languages: readonly LanguageCode[];
  weight: number;
}

interface Cast {
  agenciesByState: Map<string, Agency[]>;
  stateWeights: Record<string, number>;
  providers: Provider[];
  providerWeights: Record<string, number>;
}

const PROVIDER_COUNT = 250;
// Mongolia's requests are the demo story's (DESIGN §1); synthetic ones would take its reference numbers.
const EXCLUDED_STATES: ReadonlySet<string> = new Set(['MNG']);
const REQUEST_REGIONS: readonly RegionCode[] = REGIONS.filter((r) => r !== 'GLOBAL');

/** The same organisations on every run, whatever the seed, so a second run reuses them. */
function buildCast(): Cast {
  const rng = createRng(0x1540);
  const agenciesByState = new Map<string, Agency[]>();
  const stateWeights: Record<string, number> = {};
  const donors = new Set<string>(REGION_STATES.WEOG);
  for (const state of STATE_CODES) {
    if (EXCLUDED_STATES.has(state)) continue;
    // Donor States ask for little; a few States ask for a lot.
    stateWeights[state] = donors.has(state) ? 0.05 : 0.2 + rng() * rng() * 4;
    const kinds = [POINT_OF_CONTACT, ...sample(rng, AGENCY_KINDS, int(rng, 1, 3))];
    agenciesByState.set(
      state,
      kinds.map((kind) => ({
        name: `${SYNTHETIC_NAME_PREFIX}${kind.name} (${state})`,
        shortName: `${kind.short} ${state}`,
        kind: 'state_agency',
        state,
        email: `${kind.slug}.${state.toLowerCase()}@${SYNTHETIC_EMAIL_DOMAIN}`,
        role: kind === POINT_OF_CONTACT ? 'agency_coordinator' : 'agency_member',
        institutions: kind.institutions,
      })),
    );
  }
  const providers: Provider[] = [];
  const providerWeights: Record<string, number> = {};
  for (let i = 1; i <= PROVIDER_COUNT; i++) {
    const n = String(i).padStart(3, '0');
    const international = chance(rng, 0.35);
    const state = international ? null : pick(rng, DONOR_STATES);
    const unit = pick(rng, international ? INTERNATIONAL_PROVIDER_UNITS : STATE_PROVIDER_UNITS);
    const regions: RegionCode[] = chance(rng, 0.2) ? ['GLOBAL'] : sample(rng, REQUEST_REGIONS, int(rng, 1, 2));
    const languages = unique<LanguageCode>([
      'en',
      ...(chance(rng, 0.35) ? (['fr'] as const) : []),
      ...(chance(rng, 0.25) || regions.some((r) => r === 'CENTRAL_ASIA' || r === 'EASTERN_EUROPE' || r === 'OSCE')
        ? (['ru'] as const)
        : []),
      ...(chance(rng, 0.2) ? (['es'] as const) : []),
      ...(chance(rng, 0.1) ? (['ar'] as const) : []),
      ...(chance(rng, 0.04) ? (['mn'] as const) : []),
    ]);
    const provider: Provider = {
      name: `${SYNTHETIC_NAME_PREFIX}${unit} ${n}${state ? ` (${state})` : ''}`,
      shortName: `SYN-P${n}`,
      kind: 'provider',
      state,
      email: `provider-${n}@${SYNTHETIC_EMAIL_DOMAIN}`,
      role: 'provider_member',
      regions,
      themes: sample(
        rng,
        THEMES.map((t) => t.key),
        int(rng, 2, 4),
      ),
      languages,
      weight: 0.3 + rng() * 2,
    };
    providers.push(provider);
    providerWeights[String(providers.length - 1)] = provider.weight;
  }
  return { agenciesByState, stateWeights, providers, providerWeights };
}

// ── Bulk writing ──────────────────────────────────────────────────────────────────────────────────────────

/** Multi-row INSERTs, as many rows per statement as PostgreSQL's bind-parameter limit allows. */
async function insertRows(
  m: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = '',
): Promise<unknown[]> {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const returned: unknown[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const result = await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`,
      params,
    );
    if (Array.isArray(result)) returned.push(...result);
  }
  return returned;
}

const HISTORY_COLUMNS = [
  'subject_type',
  'subject_id',
  'action',
  'from_status',
  'to_status',
  'actor_id',
  'actor_role',
  'comment',
  'reason',
  'details',
  'created_at',
] as const;

interface Actor {
  id: string | null;
  role: string;
}

const SYSTEM: Actor = { id: null, role: SYSTEM_ROLE };

/** Creates (or finds) the synthetic organisations and one user for each. Returns how many it created. */
async function ensureCast(m: EntityManager, cast: Cast): Promise<{ organizations: number; users: number }> {
  const members: CastMember[] = [...[...cast.agenciesByState.values()].flat(), ...cast.providers];
  const orgRows = await insertRows(
    m,
    'organizations',
    ['name', 'short_name', 'kind', 'state', 'contact_email', 'version'],
    members.map((c) => [c.name, c.shortName, c.kind, c.state, c.email, 1]),
    'ON CONFLICT (name) DO NOTHING RETURNING id',
  );
  const orgs: { id: string; name: string }[] = await m.query(`SELECT id, name FROM organizations WHERE name LIKE $1`, [
    `${SYNTHETIC_NAME_PREFIX}%`,
  ]);
  const orgIdByName = new Map(orgs.map((o) => [o.name, o.id]));
  for (const c of members) c.orgId = orgIdByName.get(c.name);

  const existingUsers: { email: string }[] = await m.query(`SELECT email FROM users WHERE email LIKE $1`, [
    `%@${SYNTHETIC_EMAIL_DOMAIN}`,
  ]);
  const known = new Set(existingUsers.map((u) => u.email));
  const missing = members.filter((c) => !known.has(c.email));
  if (missing.length > 0) {
    // One hash for every synthetic user: scrypt is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await insertRows(
      m,
      'users',
      ['email', 'display_name', 'role', 'organization_id', 'password_hash', 'version'],
      missing.map((c) => [c.email, `${c.shortName} officer`, c.role, c.orgId, passwordHash, 1]),
      'ON CONFLICT (email) DO NOTHING',
    );
  }
  const users: { id: string; email: string }[] = await m.query(`SELECT id, email FROM users WHERE email LIKE $1`, [
    `%@${SYNTHETIC_EMAIL_DOMAIN}`,
  ]);
  const userIdByEmail = new Map(users.map((u) => [u.email, u.id]));
  for (const c of members) c.userId = userIdByEmail.get(c.email);
  return { organizations: orgRows.length, users: missing.length };
}

/** The committee member who acknowledges and circulates: an existing one, or a synthetic committee. */
async function committeeActor(m: EntityManager, report: SyntheticWorldReport): Promise<Actor> {
  const rows: { id: string; role: string }[] = await m.query(
    `SELECT u.id, u.role FROM users u JOIN organizations o ON o.id = u.organization_id
     WHERE o.kind = 'committee' AND u.active ORDER BY (u.role = 'committee_member') DESC, u.created_at LIMIT 1`,
  );
  if (rows[0]) return rows[0];
  const [org]: { id: string }[] = await m.query(
    `INSERT INTO organizations (name, short_name, kind, contact_email, version) VALUES ($1, 'SYN GoE', 'committee', $2, 1)
     RETURNING id`,
    [`${SYNTHETIC_NAME_PREFIX}1540 Committee Experts`, `committee@${SYNTHETIC_EMAIL_DOMAIN}`],
  );
  const [user]: { id: string }[] = await m.query(
    `INSERT INTO users (email, display_name, role, organization_id, password_hash, version)
     VALUES ($1, 'Synthetic expert', 'committee_member', $2, $3, 1) RETURNING id`,
    [`expert@${SYNTHETIC_EMAIL_DOMAIN}`, org.id, await hashPassword(DEMO_PASSWORD)],
  );
  report.organizations++;
  report.users++;
  return { id: user.id, role: 'committee_member' };
}

// ── Timelines ─────────────────────────────────────────────────────────────────────────────────────────────

interface TimedStep {
  action: string;
  from: string | null;
  to: string | null;
  at: number;
  actor: Actor;
  comment?: string | null;
  reason?: string | null;
}

function isWeekend(time: number): boolean {
  const day = new Date(time).getUTCDay();
  return day === 0 || day === 6;
}

/** Committee work happens on working days: a weekend time moves to the Monday, same time of day. */
function onWorkingDay(time: number): number {
  let t = time;
  while (isWeekend(t)) t += DAY_MS;
  return t;
}

/**
 * Moves a timeline by whole weeks (weekdays, and so objection windows, are unchanged) so that it ends before
 * `now`: `recent` ones end within the last few weeks, the others start anywhere from 2019 on, recent years more often.
 */
function placeInTime(rng: Rng, steps: TimedStep[], now: number, recent: boolean): void {
  const first = steps[0].at;
  const last = steps[steps.length - 1].at;
  let weeks: number;
  if (recent) {
    weeks = Math.floor((now - last) / WEEK_MS) - int(rng, 0, 2);
  } else {
    const latest = Math.floor((now - last) / WEEK_MS);
    const earliest = Math.ceil((WORLD_BEGINS - first) / WEEK_MS);
    weeks = latest <= earliest ? latest : latest - Math.floor(Math.pow(rng(), 1.25) * (latest - earliest));
  }
  for (const step of steps) step.at += weeks * WEEK_MS;
}

const REQUEST_STATUS_WEIGHTS: Record<RequestStatus, number> = {
  draft: 5,
  submitted: 4,
  clarification_requested: 2,
  acknowledged: 4,
  circulated: 40,
  matched: 11,
  in_delivery: 10,
  delivered: 9,
  closed: 11,
  withdrawn: 4,
};

const REQUEST_RECENT: ReadonlySet<RequestStatus> = new Set([
  'draft',
  'submitted',
  'clarification_requested',
  'acknowledged',
]);

interface RequestActors {
  author: Actor;
  coordinator: Actor;
  committee: Actor;
}

/** The steps that lead to `target`, with times measured from an arbitrary Monday; placeInTime moves them. */
function requestTimeline(
  rng: Rng,
  target: RequestStatus,
  waived: boolean,
  actors: RequestActors,
): { steps: TimedStep[]; closeReason: CloseReason | null } {
  const origin = Date.UTC(2019, 0, 7) + int(rng, 0, 4) * DAY_MS + int(rng, 1, 12) * HOUR_MS + int(rng, 0, 59) * 60_000;
  const steps: TimedStep[] = [{ action: 'create', from: null, to: 'draft', at: origin, actor: actors.author }];
  let status: string = 'draft';
  let at = origin;
  let closeReason: CloseReason | null = null;
  const take = (
    action: string,
    to: string | null,
    gapDays: [number, number],
    actor: Actor,
    extra: Partial<TimedStep> = {},
  ) => {
    // Never two steps at the same instant, so the history has one order.
    at += int(rng, gapDays[0], gapDays[1]) * DAY_MS + int(rng, 0, 8) * HOUR_MS + int(rng, 5, 59) * 60_000;
    if (actor === actors.committee) at = onWorkingDay(at);
    steps.push({ action, from: to === null ? null : status, to, at, actor, ...extra });
    if (to !== null) status = to;
  };
  const done = () => ({ steps, closeReason });

  // Where a withdrawal happens, if the target is `withdrawn`.
  const withdrawFrom =
    target === 'withdrawn'
      ? weighted<'draft' | 'submitted' | 'acknowledged' | 'circulated' | 'matched'>(rng, {
          draft: 2,
          submitted: 1,
          acknowledged: 1,
          circulated: 5,
          matched: 1,
        })
      : null;
  const withdraw = () => {
    take('withdraw', 'withdrawn', [5, 200], actors.coordinator, {
      comment: pick(rng, ['No longer needed.', 'Covered by bilateral assistance.', 'Superseded by a new request.']),
    });
    return done();
  };

  if (chance(rng, 0.3)) take('update', null, [0, 10], actors.author);
  if (target === 'draft') return done();
  if (withdrawFrom === 'draft') return withdraw();

  take('submit', 'submitted', [1, 30], actors.coordinator);
  // Some requests go back for clarification before they are acknowledged.
  if (target === 'clarification_requested' || chance(rng, 0.08)) {
    take('request_clarification', 'clarification_requested', [1, 10], actors.committee, {
      comment: 'Please describe what exists already and give a cost estimate.',
    });
    if (target === 'clarification_requested') return done();
    take('update', null, [3, 40], actors.author);
    take('submit', 'submitted', [0, 3], actors.coordinator);
  }
  if (target === 'submitted') return done();
  if (withdrawFrom === 'submitted') return withdraw();

  take('acknowledge', 'acknowledged', [1, 10], actors.committee);
  if (target === 'acknowledged') return done();
  if (withdrawFrom === 'acknowledged') return withdraw();

  const acknowledgedAt = at;
  take('circulate', 'circulated', waived ? [0, 1] : [0, 6], actors.committee);
  if (!waived) {
    const closes = objectionWindowCloses(new Date(acknowledgedAt)).getTime();
    const circulation = steps[steps.length - 1];
    if (circulation.at < closes) circulation.at = onWorkingDay(closes + int(rng, 1, 30) * HOUR_MS);
    at = circulation.at;
  }
  if (target === 'circulated') return done();
  if (withdrawFrom === 'circulated') return withdraw();
  if (target === 'closed' && chance(rng, 0.35)) {
    closeReason = chance(rng, 0.6) ? 'no_offer' : 'superseded';
    take('close', 'closed', [180, 900], actors.committee, { reason: closeReason });
    return done();
  }

  take('match_agreed', 'matched', [14, 500], SYSTEM);
  if (target === 'matched') return done();
  if (withdrawFrom === 'matched') return withdraw();
  if (target === 'closed' && chance(rng, 0.1)) {
    closeReason = 'superseded';
    take('close', 'closed', [30, 300], actors.committee, { reason: closeReason });
    return done();
  }

  take('start_delivery', 'in_delivery', [14, 120], SYSTEM);
  if (target === 'in_delivery') return done();
  take('mark_delivered', 'delivered', [30, 400], SYSTEM);
  if (target === 'delivered') return done();

  closeReason = chance(rng, 0.75) ? 'fulfilled' : 'partially_fulfilled';
  take('close', 'closed', [300, 480], actors.committee, {
    reason: closeReason,
    comment: 'Follow-up feedback received.',
  });
  return done();
}

const REQUEST_MILESTONE_COLUMNS: Record<string, string> = {
  submit: 'submitted_at',
  acknowledge: 'acknowledged_at',
  circulate: 'circulated_at',
  match_agreed: 'matched_at',
  start_delivery: 'delivery_started_at',
  mark_delivered: 'delivered_at',
  close: 'closed_at',
  withdraw: 'withdrawn_at',
};

const REQUEST_COLUMNS = [
  'id',
  'reference',
  'state',
  'organization_id',
  'created_by_id',
  'title',
  'description',
  'provisions',
  'domains',
  'assistance_types',
  'target_institutions',
  'priority',
  'estimated_cost_amount',
  'estimated_cost_currency',
  'desired_start',
  'desired_end',
  'languages',
  'preferred_provider_ids',
  'assistance_received',
  'nap_reference',
  'letter_date',
  'visibility',
  'objection_window_waived',
  'status',
  'close_reason',
  ...Object.values(REQUEST_MILESTONE_COLUMNS),
  'version',
  'created_at',
  'updated_at',
] as const;

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

function describeRequest(
  rng: Rng,
  theme: Theme,
  types: readonly AssistanceTypeCode[],
  lang: 'en' | 'ru',
): [string, string] {
  const text = theme[lang];
  const title = `${text.title}${pick(rng, TITLE_QUALIFIERS[lang])}`;
  const ask = types.map((t) => TYPE_PHRASES[lang][t]).join(', ');
  const askSentence = lang === 'en' ? `We ask for ${ask}.` : `Просим оказать содействие: ${ask}.`;
  const description = [text.need, pick(rng, GAPS[lang]), pick(rng, EXISTING[lang]), askSentence].join(' ');
  return [title, description];
}

/** Theme codes with some variety: the theme's core, a few of its other codes, now and then something else. */
function drawCodes(rng: Rng, theme: Theme, institutions: readonly TargetInstitutionCode[]) {
  const provisions = unique<ProvisionCode>([
    theme.provisions[0],
    ...theme.provisions.slice(1).filter(() => chance(rng, 0.5)),
    ...(chance(rng, 0.1) ? [pick(rng, PROVISIONS)] : []),
  ]);
  const domains =
    theme.domains.length === DOMAINS.length && !chance(rng, 0.35)
      ? sample(rng, DOMAINS, int(rng, 1, 4))
      : sample(rng, theme.domains, int(rng, 1, theme.domains.length));
  const types = unique<AssistanceTypeCode>([
    ...sample(rng, theme.types, int(rng, 1, Math.min(3, theme.types.length))),
    ...(chance(rng, 0.05) ? (['TRANSLATION'] as const) : []),
  ]);
  const targets = unique<TargetInstitutionCode>([
    ...sample(rng, theme.institutions, int(rng, 1, Math.min(2, theme.institutions.length))),
    ...institutions.filter(() => chance(rng, 0.5)),
  ]);
  return { provisions, domains, types, targets };
}

interface Generated {
  rows: unknown[][];
  history: unknown[][];
}

/** A request row still waiting for its reference, with the steps its history is written from. */
interface PendingRequest {
  id: string;
  row: unknown[];
  state: string;
  year: number;
  createdAt: number;
  steps: TimedStep[];
}

function generateRequests(
  rng: Rng,
  count: number,
  cast: Cast,
  committee: Actor,
  now: number,
): { pending: PendingRequest[] } {
  const pending: PendingRequest[] = [];
  for (let i = 0; i < count; i++) {
    const state = weighted(rng, cast.stateWeights);
    const agencies = cast.agenciesByState.get(state)!;
    const coordinatorAgency = agencies[0];
    const theme = THEME_BY_KEY.get(weighted(rng, THEME_WEIGHTS))!;
    // The agency whose business the theme is drafts it, else the point of contact.
    const fitting = agencies.filter((a) => a.institutions.some((inst) => theme.institutions.includes(inst)));
    const agency = fitting.length > 0 && chance(rng, 0.8) ? pick(rng, fitting) : coordinatorAgency;
    const status = weighted(rng, REQUEST_STATUS_WEIGHTS);
    const waived = chance(rng, 0.1);
    const actors: RequestActors = {
      author: { id: agency.userId ?? null, role: agency.role },
      coordinator: { id: coordinatorAgency.userId ?? null, role: coordinatorAgency.role },
      committee,
    };
    const { steps, closeReason } = requestTimeline(rng, status, waived, actors);
    placeInTime(rng, steps, now, REQUEST_RECENT.has(status));
    const createdAt = steps[0].at;
    const milestones = new Map<string, number>();
    for (const step of steps) if (REQUEST_MILESTONE_COLUMNS[step.action]) milestones.set(step.action, step.at);

    const second = secondLanguage(state);
    const lang: 'en' | 'ru' = second === 'ru' && chance(rng, 0.6) ? 'ru' : 'en';
    const languages = unique<LanguageCode>(
      lang === 'ru' ? ['ru', 'en'] : second && chance(rng, 0.7) ? [second, 'en'] : ['en'],
    );
    const { provisions, domains, types, targets } = drawCodes(rng, theme, agency.institutions);
    const [title, description] = describeRequest(rng, theme, types, lang);
    const costly = types.some((t) => t === 'EQUIPMENT' || t === 'INFRASTRUCTURE' || t === 'FINANCIAL');
    // 20,000 to 5,000,000 (400,000 without equipment or works), in cents.
    const cost = costly || chance(rng, 0.25) ? int(rng, 20, costly ? 5_000 : 400) * 100_000 : null;
    const desiredStart = chance(rng, 0.7) ? createdAt + int(rng, 60, 400) * DAY_MS : null;
    const desiredEnd = desiredStart && chance(rng, 0.6) ? desiredStart + int(rng, 90, 900) * DAY_MS : null;
    const submittedAt = milestones.get('submit');
    const providerIndex = chance(rng, 0.12) ? Number(weighted(rng, cast.providerWeights)) : null;
    const id = randomUUID();
    const row: unknown[] = [
      id,
      null, // reference: allocated per (State, year) once every request is drawn
      state,
      agency.orgId,
      agency.userId,
      title,
      description,
      provisions,
      domains,
      types,
      targets,
      weighted(rng, { high: 25, medium: 55, low: 20 }),
      cost,
      cost === null ? null : chance(rng, 0.75) ? 'USD' : 'EUR',
      desiredStart === null ? null : isoDate(desiredStart),
      desiredEnd === null ? null : isoDate(desiredEnd),
      languages,
      providerIndex === null ? [] : [cast.providers[providerIndex].orgId],
      chance(rng, 0.2) ? 'Earlier regional training courses; no national programme.' : null,
      chance(rng, 0.3)
        ? `NAP ${new Date(createdAt).getUTCFullYear() - int(rng, 0, 3)} item ${int(rng, 1, 6)}.${int(rng, 1, 9)}`
        : null,
      submittedAt === undefined ? null : isoDate(submittedAt - int(rng, 1, 6) * DAY_MS),
      weighted(rng, { public: 35, providers: 55, committee: 10 }),
      waived,
      steps.reduce<string>((s, step) => step.to ?? s, 'draft'),
      closeReason,
      ...Object.keys(REQUEST_MILESTONE_COLUMNS).map((action) => {
        const time = milestones.get(action);
        return time === undefined ? null : new Date(time);
      }),
      steps.length,
      new Date(createdAt),
      new Date(steps[steps.length - 1].at),
    ];
    pending.push({ id, row, state, year: new Date(createdAt).getUTCFullYear(), createdAt, steps });
  }
  return { pending };
}

function historyRow(subjectType: string, subjectId: string, step: TimedStep, details: unknown = null): unknown[] {
  return [
    subjectType,
    subjectId,
    step.action,
    step.from,
    step.to,
    step.actor.id,
    step.actor.role,
    step.comment ?? null,
    step.reason ?? null,
    details === null ? null : JSON.stringify(details),
    new Date(step.at),
  ];
}

/** Takes the next reference numbers per (State, year) from the counters in one statement, as the API would. */
async function allocateReferences(m: EntityManager, pending: readonly PendingRequest[]): Promise<void> {
  const counts = new Map<string, { state: string; year: number; count: number }>();
  for (const p of pending) {
    const key = `${p.state}-${p.year}`;
    const entry = counts.get(key) ?? { state: p.state, year: p.year, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const returned = (await insertRows(
    m,
    'request_reference_counters',
    ['state', 'year', 'last'],
    [...counts.values()].map((c) => [c.state, c.year, c.count]),
    'ON CONFLICT (state, year) DO UPDATE SET last = request_reference_counters.last + EXCLUDED.last RETURNING state, year, last',
  )) as { state: string; year: number; last: number }[];
  const next = new Map<string, number>();
  for (const r of returned) next.set(`${r.state}-${r.year}`, r.last - counts.get(`${r.state}-${r.year}`)!.count + 1);
  // Numbered in the order they were created, as they would have been.
  for (const p of [...pending].sort((a, b) => a.createdAt - b.createdAt)) {
    const key = `${p.state}-${p.year}`;
    const seq = next.get(key)!;
    next.set(key, seq + 1);
    p.row[1] = formatRequestReference(p.state, p.year, seq);
  }
}

// ── Offers ────────────────────────────────────────────────────────────────────────────────────────────────

const OFFER_STATUS_WEIGHTS: Record<
  'draft' | 'pending_verification' | 'active' | 'paused' | 'closed' | 'exhausted',
  number
> = {
  draft: 4,
  pending_verification: 5,
  active: 72,
  paused: 6,
  closed: 7,
  exhausted: 6,
};

const OFFER_COLUMNS = [
  'id',
  'organization_id',
  'created_by_id',
  'title',
  'description',
  'programme',
  'provisions',
  'domains',
  'assistance_types',
  'target_institutions',
  'eligible_regions',
  'eligible_states',
  'delivery_modes',
  'languages',
  'capacity_engagements',
  'capacity_budget_amount',
  'capacity_budget_currency',
  'engagements_used',
  'available_from',
  'available_until',
  'status',
  'submitted_at',
  'verified_at',
  'closed_at',
  'version',
  'created_at',
  'updated_at',
] as const;

function generateOffers(rng: Rng, count: number, cast: Cast, committee: Actor, now: number): Generated {
  const rows: unknown[][] = [];
  const history: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const provider = cast.providers[Number(weighted(rng, cast.providerWeights))];
    const theme = THEME_BY_KEY.get(pick(rng, provider.themes))!;
    const target = weighted(rng, OFFER_STATUS_WEIGHTS);
    const author: Actor = { id: provider.userId ?? null, role: provider.role };
    const origin = Date.UTC(2019, 0, 7) + int(rng, 0, 4) * DAY_MS + int(rng, 1, 12) * HOUR_MS;
    const steps: TimedStep[] = [{ action: 'create', from: null, to: 'draft', at: origin, actor: author }];
    let status = 'draft' as OfferStatus;
    const take = (
      action: string,
      to: OfferStatus,
      gap: [number, number],
      actor: Actor,
      comment: string | null = null,
    ) => {
      const at =
        steps[steps.length - 1].at +
        int(rng, gap[0], gap[1]) * DAY_MS +
        int(rng, 0, 6) * HOUR_MS +
        int(rng, 5, 59) * 60_000;
      steps.push({ action, from: status, to, at: actor === committee ? onWorkingDay(at) : at, actor, comment });
      status = to;
    };
    if (target !== 'draft') take('submit', 'pending_verification', [0, 5], author);
    if (target !== 'draft' && target !== 'pending_verification') take('verify', 'active', [1, 10], committee);
    if (target === 'paused') take('pause', 'paused', [30, 400], author, 'Paused until new funding is confirmed.');
    if (target === 'exhausted') take('exhaust', 'exhausted', [60, 500], SYSTEM);
    if (target === 'closed') take('close', 'closed', [60, 700], author, 'Programme ended.');
    placeInTime(rng, steps, now, target === 'draft' || target === 'pending_verification');

    const createdAt = steps[0].at;
    const lastChange = steps[steps.length - 1].at;
    const availableFrom = createdAt + int(rng, 0, 60) * DAY_MS;
    // An offer is not paused, closed or used up after it has already run out.
    // Most programmes run on past today; some ran out long ago.
    const availableUntil = Math.max(
      availableFrom + int(rng, 365, 5 * 365) * DAY_MS,
      lastChange + int(rng, 30, 200) * DAY_MS,
      chance(rng, 0.75) ? now + int(rng, 20, 1000) * DAY_MS : 0,
    );
    // Past its available-until date the system expires whatever is still open.
    if (isoDate(availableUntil) < isoDate(now) && status !== 'closed') {
      // The nightly job, early on the day after; today's run if that is still to come.
      const expiry = Math.min(Math.floor(availableUntil / DAY_MS + 1) * DAY_MS + 2 * HOUR_MS, now - 60_000);
      steps.push({ action: 'expire', from: status, to: 'expired', at: expiry, actor: SYSTEM });
      status = 'expired';
    }
    // Only a counted capacity can run out.
    const capacityEngagements = target === 'exhausted' || chance(rng, 0.85) ? int(rng, 1, 20) : null;
    const budget = chance(rng, 0.4) || capacityEngagements === null;
    const currency = budget ? weighted(rng, { USD: 50, EUR: 30, GBP: 8, JPY: 7, CHF: 5 }) : null;
    // 50,000 to 5,000,000 in major units; the yen has no minor unit, the others have cents.
    const budgetAmount = budget ? int(rng, 50, 5_000) * (currency === 'JPY' ? 150_000 : 100_000) : null;

    const mongolian = provider.languages.includes('mn');
    const lang: 'en' | 'ru' = provider.languages.includes('ru') && chance(rng, 0.3) ? 'ru' : 'en';
    const text = theme[lang];
    const regions =
      provider.regions.length > 1 && chance(rng, 0.3) ? [pick(rng, provider.regions)] : [...provider.regions];
    const namedStates =
      chance(rng, 0.1) || mongolian
        ? unique<string>([
            ...(mongolian ? ['MNG'] : []),
            ...sample(
              rng,
              regions[0] === 'GLOBAL' ? STATE_CODES : REGION_STATES[regions[0]],
              int(rng, 1, 5),
            ),
          ])
        : [];
    const { provisions, domains, types, targets } = drawCodes(rng, theme, []);
    const description = [
      text.offer,
      lang === 'en'
        ? `Delivered by ${provider.shortName} for the States of its region.`
        : `Проводится ${provider.shortName} для государств региона.`,
      ...(mongolian ? [MONGOLIAN_NOTE] : []),
    ].join(' ');
    const milestone = (action: string) => {
      const step = [...steps].reverse().find((s) => s.action === action);
      return step ? new Date(step.at) : null;
    };
    const id = randomUUID();
    rows.push([
      id,
      provider.orgId,
      provider.userId,
      `${text.offerTitle}${chance(rng, 0.3) ? ` ${new Date(availableFrom).getUTCFullYear()}–${new Date(availableUntil).getUTCFullYear()}` : ''}`,
      description,
      `${provider.shortName} ${theme.key} programme`,
      provisions,
      domains,
      types,
      targets,
      regions,
      namedStates,
      sample<DeliveryModeCode>(rng, DELIVERY_MODES, int(rng, 1, 3)),
      provider.languages.filter((l) => l === 'en' || l === lang || l === 'mn' || chance(rng, 0.5)),
      capacityEngagements,
      budgetAmount,
      currency,
      target === 'exhausted' ? capacityEngagements : 0,
      isoDate(availableFrom),
      isoDate(availableUntil),
      status,
      milestone('submit'),
      milestone('verify'),
      milestone('close'),
      steps.length,
      new Date(createdAt),
      new Date(steps[steps.length - 1].at),
    ]);
    for (const step of steps) history.push(historyRow('offer', id, step));
  }
  return { rows, history };
}

// ── Entry point ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Adds `requests` synthetic requests and `offers` synthetic offers, with their history, to whatever the database
 * holds, creating the synthetic organisations and users on first use. One transaction: all or nothing.
 */
export async function seedSyntheticWorld(
  ds: DataSource,
  options: SyntheticWorldOptions,
): Promise<SyntheticWorldReport> {
  const started = Date.now();
  const { requests, offers } = options;
  for (const [name, value] of Object.entries({ requests, offers })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  const seed = options.seed ?? DEFAULT_SYNTHETIC_SEED;
  const now = (options.now ?? new Date()).getTime();
  const report: SyntheticWorldReport = {
    organizations: 0,
    users: 0,
    requests: 0,
    offers: 0,
    historyEntries: 0,
    elapsedMs: 0,
  };

  await ds.transaction(async (m) => {
    // Search indexes (GIN) take the new rows into their pending list and merge them in bulk.
    await m.query(`SET LOCAL gin_pending_list_limit = '64MB'`);
    await m.query(`SET LOCAL work_mem = '256MB'`);
    const cast = buildCast();
    const created = await ensureCast(m, cast);
    report.organizations += created.organizations;
    report.users += created.users;
    const committee = await committeeActor(m, report);
    // Separate streams, so the offers drawn for a seed do not depend on how many requests were drawn.
    const requestRng = createRng(seed);
    const offerRng = createRng(seed ^ 0x9e3779b9);

    const { pending } = generateRequests(requestRng, requests, cast, committee, now);
    await allocateReferences(m, pending);
    await insertRows(
      m,
      'assistance_requests',
      REQUEST_COLUMNS,
      pending.map((p) => p.row),
    );
    const requestHistory: unknown[][] = [];
    for (const p of pending) {
      for (const step of p.steps) {
        requestHistory.push(
          historyRow('request', p.id, step, step.action === 'create' ? { reference: p.row[1] } : null),
        );
      }
    }
    await insertRows(m, 'history_entries', HISTORY_COLUMNS, requestHistory);
    report.requests = pending.length;
    report.historyEntries += requestHistory.length;

    const generated = generateOffers(offerRng, offers, cast, committee, now);
    await insertRows(m, 'assistance_offers', OFFER_COLUMNS, generated.rows);
    await insertRows(m, 'history_entries', HISTORY_COLUMNS, generated.history);
    report.offers = generated.rows.length;
    report.historyEntries += generated.history.length;
    // Merge the pending lists now rather than leave searches to scan them until the next vacuum.
    for (const index of SEARCH_INDEXES) await m.query(`SELECT gin_clean_pending_list($1::regclass)`, [index]);
  });
  report.elapsedMs = Date.now() - started;
  return report;
}
