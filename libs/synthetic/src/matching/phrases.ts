import type { AssistanceTypeCode, DomainCode, ProvisionCode, TargetInstitutionCode } from '@app/domain';

// The matching world's vocabulary: how often each code is drawn, and English and Russian phrases for each, so that
// codes and text follow the same themes.

export const PROVISION_WEIGHTS: Record<ProvisionCode, number> = {
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
export const TYPE_WEIGHTS: Record<AssistanceTypeCode, number> = {
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
export const DOMAIN_WEIGHTS: Record<DomainCode, number> = {
  NUCLEAR: 30,
  CHEMICAL: 25,
  BIOLOGICAL: 25,
  DELIVERY: 10,
  RELATED: 10,
};
export const INSTITUTIONS_BY_PROVISION: Record<ProvisionCode, TargetInstitutionCode[]> = {
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

export type Phrases = { en: string[]; ru: string[] };

export const PROVISION_PHRASES: Record<ProvisionCode, Phrases> = {
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

export const TYPE_PHRASES: Record<AssistanceTypeCode, Phrases> = {
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

export const INSTITUTION_PHRASES: Record<TargetInstitutionCode, Phrases> = {
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

export const DOMAIN_PHRASES: Record<DomainCode, Phrases> = {
  NUCLEAR: { en: ['nuclear and radiological materials'], ru: ['ядерные и радиологические материалы'] },
  CHEMICAL: { en: ['toxic chemicals and precursors'], ru: ['токсичные химикаты и прекурсоры'] },
  BIOLOGICAL: { en: ['pathogens and toxins'], ru: ['патогены и токсины'] },
  DELIVERY: { en: ['missiles and unmanned aerial vehicles'], ru: ['ракеты и беспилотные летательные аппараты'] },
  RELATED: { en: ['related materials and technologies'], ru: ['связанные материалы и технологии'] },
};

export const FILLER: Phrases = {
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

export const NEEDS: Phrases = {
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
