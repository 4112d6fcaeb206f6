import {
  DOMAINS,
  PROVISIONS,
  type AssistanceTypeCode,
  type DomainCode,
  type ProvisionCode,
  type TargetInstitutionCode,
} from '@app/domain';
import { chance, int, pick, sample, unique, type Prng } from '../random';

// Themes: what requests ask for and offers provide, each with its codes and its English and Russian text.

interface ThemeText {
  title: string;
  need: string;
  offerTitle: string;
  offer: string;
}

export interface Theme {
  key: string;
  weight: number;
  provisions: readonly ProvisionCode[];
  domains: readonly DomainCode[];
  types: readonly AssistanceTypeCode[];
  institutions: readonly TargetInstitutionCode[];
  en: ThemeText;
  ru: ThemeText;
}

export const THEMES: readonly Theme[] = [
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

export const THEME_WEIGHTS: Record<string, number> = Object.fromEntries(THEMES.map((t) => [t.key, t.weight]));
export const THEME_BY_KEY = new Map(THEMES.map((t) => [t.key, t]));

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
export const MONGOLIAN_NOTE = 'Сургалт, зөвлөгөөг монгол хэл дээр зохион байгуулах боломжтой.';

export type TextLanguage = 'en' | 'ru';

/** A request's title and description: the theme's need, a gap, what exists already, and what is asked for. */
export function describeRequest(
  rng: Prng,
  theme: Theme,
  types: readonly AssistanceTypeCode[],
  lang: TextLanguage,
): [string, string] {
  const text = theme[lang];
  const title = `${text.title}${pick(rng, TITLE_QUALIFIERS[lang])}`;
  const ask = types.map((t) => TYPE_PHRASES[lang][t]).join(', ');
  const askSentence = lang === 'en' ? `We ask for ${ask}.` : `Просим оказать содействие: ${ask}.`;
  const description = [text.need, pick(rng, GAPS[lang]), pick(rng, EXISTING[lang]), askSentence].join(' ');
  return [title, description];
}

/** Theme codes with some variety: the theme's core, a few of its other codes, now and then something else. */
export function drawCodes(rng: Prng, theme: Theme, institutions: readonly TargetInstitutionCode[]) {
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
