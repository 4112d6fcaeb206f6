import type { DomainCode, ProvisionCode } from './codes.data';

// The 1540 vocabulary that requests and offers use in words rather than codes, with its equivalents in English,
// Russian, French and Spanish. Each concept is tied to the provisions and domains it is about. The matching engine
// reads a phrase in any of the four languages as its concept too, so a request in Russian finds an offer written
// in English, and two texts that share "dual-use items" share more than two texts that share "items".
//
// Terms are written as people write them; the engine tokenizes them the way it tokenizes texts (stop words out,
// inflections folded), so one spelling per phrase is usually enough. Phrases are preferred to single words: a
// single word here must be specific to the 1540 field on its own.

export interface ThesaurusConcept {
  /** Stable id, lower case; the engine's concept token. */
  id: string;
  provisions: readonly ProvisionCode[];
  domains: readonly DomainCode[];
  terms: { en: readonly string[]; ru: readonly string[]; fr: readonly string[]; es: readonly string[] };
}

const WMD: readonly DomainCode[] = ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY'];

export const THESAURUS: readonly ThesaurusConcept[] = [
  {
    id: 'dual_use_items',
    provisions: ['OP3d'],
    domains: WMD,
    terms: {
      en: ['dual-use items', 'dual-use goods', 'dual-use commodities', 'dual-use technology', 'dual-use'],
      ru: ['товары двойного назначения', 'двойного назначения'],
      fr: ['biens à double usage', 'double usage'],
      es: ['bienes de doble uso', 'doble uso'],
    },
  },
  {
    id: 'export_control',
    provisions: ['OP3d'],
    domains: WMD,
    terms: {
      en: ['export control', 'export controls', 'strategic trade control', 'strategic trade', 'transfer controls'],
      ru: ['экспортный контроль', 'контроль экспорта', 'контроль за экспортом', 'контроль передачи'],
      fr: ['contrôle des exportations', 'contrôles à l’exportation', 'commerce stratégique', 'contrôle des transferts'],
      es: [
        'control de exportaciones',
        'controles de exportación',
        'comercio estratégico',
        'controles de transferencias',
      ],
    },
  },
  {
    id: 'control_list',
    provisions: ['OP3d'],
    domains: WMD,
    terms: {
      en: ['control list', 'control lists', 'national control list'],
      ru: ['контрольный список', 'список контроля', 'списки контроля', 'списками контроля'],
      fr: ['liste de contrôle', 'listes de contrôle'],
      es: ['lista de control', 'listas de control'],
    },
  },
  {
    id: 'licensing',
    provisions: ['OP3d'],
    domains: WMD,
    terms: {
      en: ['licensing', 'export licence', 'export license', 'licence applications', 'licensing officers'],
      ru: ['лицензирование', 'лицензий', 'лицензия'],
      fr: ['licences', 'licence d’exportation', 'système de licences'],
      es: ['licencias', 'licencia de exportación', 'sistema de licencias'],
    },
  },
  {
    id: 'end_user_controls',
    provisions: ['OP3d'],
    domains: WMD,
    terms: {
      en: ['end-user certificate', 'end-user checks', 'end-user', 'end use', 'catch-all'],
      ru: ['конечный пользователь', 'конечного пользователя', 'конечное использование'],
      fr: ['utilisateur final', 'certificat d’utilisateur final', 'utilisation finale'],
      es: ['usuario final', 'certificado de usuario final', 'uso final'],
    },
  },
  {
    id: 'technology_transfer',
    provisions: ['OP3d'],
    domains: WMD,
    terms: {
      en: ['intangible technology transfer', 'intangible transfers', 'technology transfer', 'transfers of technology'],
      ru: ['передача технологий', 'нематериальная передача технологий'],
      fr: ['transfert de technologie', 'transferts immatériels de technologie'],
      es: ['transferencia de tecnología', 'transferencia intangible de tecnología'],
    },
  },
  {
    id: 'commodity_identification',
    provisions: ['OP3c', 'OP3d'],
    domains: WMD,
    terms: {
      en: [
        'commodity identification',
        'identifying controlled goods',
        'recognise dual-use commodities',
        'identify commodities',
      ],
      ru: ['идентификация товаров', 'идентификации товаров', 'распознавание товаров'],
      fr: ['identification des marchandises', 'identification des biens'],
      es: ['identificación de mercancías', 'identificación de bienes'],
    },
  },
  {
    id: 'customs_border',
    provisions: ['OP3c'],
    domains: WMD,
    terms: {
      en: ['customs', 'border control', 'border security', 'border crossings', 'points of entry', 'cargo'],
      ru: ['таможня', 'таможенный', 'таможенных', 'таможни', 'таможенники', 'пограничный контроль', 'грузы', 'граница'],
      fr: ['douane', 'douanes', 'contrôle aux frontières', 'frontière', 'fret'],
      es: ['aduana', 'aduanas', 'control fronterizo', 'frontera', 'carga'],
    },
  },
  {
    id: 'radiation_detection',
    provisions: ['OP3c'],
    domains: ['NUCLEAR'],
    terms: {
      // Not "detection equipment" alone: chemical and biological agents are detected too (a request for those met
      // every radiation programme on it).
      en: ['radiation detection', 'radiation portal monitors', 'radiation detectors', 'radiation alarms'],
      ru: ['радиационный контроль', 'обнаружение радиоактивных материалов', 'радиационные мониторы'],
      fr: ['détection des rayonnements', 'portiques de détection', 'détection radiologique'],
      es: ['detección de radiación', 'portales de detección', 'detección radiológica'],
    },
  },
  {
    id: 'illicit_trafficking',
    provisions: ['OP3c'],
    domains: WMD,
    terms: {
      en: ['illicit trafficking', 'nuclear smuggling', 'smuggling', 'material out of regulatory control'],
      ru: ['незаконный оборот', 'контрабанда', 'контрабанды'],
      fr: ['trafic illicite', 'contrebande'],
      es: ['tráfico ilícito', 'contrabando'],
    },
  },
  {
    // Finding out and bringing to court what was trafficked, as against detecting it at the border (the concept
    // above): police, prosecutors and forensic laboratories rather than customs and radiation monitors. OP3(c)'s
    // "law enforcement efforts to ... combat ... illicit trafficking"; a request names OP2 through its laws.
    id: 'investigation_prosecution',
    provisions: ['OP3c'],
    domains: WMD,
    terms: {
      en: [
        'investigation',
        'investigate',
        'investigators',
        'prosecution',
        'prosecutors',
        'crime scene',
        'nuclear forensics',
        'forensics',
      ],
      ru: [
        'расследование',
        'расследования',
        'следователи',
        'прокуроры',
        'прокуратура',
        'уголовное преследование',
        'место преступления',
        'ядерная криминалистика',
      ],
      // "enquête" and "investigación" alone are also a survey and research ("institutos de investigación").
      fr: [
        'enquête judiciaire',
        'enquêtes judiciaires',
        'enquête pénale',
        'enquêteurs',
        'poursuites',
        'procureurs',
        'scène de crime',
        'criminalistique nucléaire',
      ],
      es: [
        'investigación penal',
        'investigación criminal',
        'fiscales',
        'enjuiciamiento',
        'escena del crimen',
        'ciencia forense nuclear',
      ],
    },
  },
  {
    id: 'physical_protection',
    provisions: ['OP3b'],
    domains: WMD,
    terms: {
      en: ['physical protection', 'security upgrades', 'insider threat', 'design basis threat'],
      ru: ['физическая защита', 'физической защиты', 'внутренняя угроза', 'проектная угроза'],
      fr: ['protection physique', 'menace interne', 'menace de référence'],
      es: ['protección física', 'amenaza interna', 'amenaza base de diseño'],
    },
  },
  {
    id: 'radioactive_sources',
    provisions: ['OP3a', 'OP3b'],
    domains: ['NUCLEAR'],
    terms: {
      en: ['radioactive sources', 'radioactive source', 'sealed sources', 'disused sources'],
      ru: ['радиоактивные источники', 'радиоактивных источников', 'закрытых радиоактивных источников'],
      fr: ['sources radioactives', 'sources scellées'],
      es: ['fuentes radiactivas', 'fuentes selladas'],
    },
  },
  {
    id: 'nuclear_security',
    provisions: ['OP3a', 'OP3b'],
    domains: ['NUCLEAR'],
    terms: {
      en: ['nuclear security', 'nuclear security culture', 'nuclear material', 'nuclear materials'],
      ru: ['ядерная безопасность', 'ядерной безопасности', 'ядерных материалов', 'ядерные материалы'],
      fr: ['sécurité nucléaire', 'matières nucléaires'],
      es: ['seguridad nuclear', 'materiales nucleares'],
    },
  },
  {
    id: 'accounting',
    provisions: ['OP3a'],
    domains: WMD,
    terms: {
      en: ['material accountancy', 'accounting', 'inventory', 'inventories', 'record keeping'],
      ru: ['учёт и контроль', 'учёт', 'инвентаризация'],
      fr: ['comptabilité des matières', 'inventaire', 'inventaires'],
      es: ['contabilidad de materiales', 'inventario', 'inventarios'],
    },
  },
  {
    id: 'biosafety_biosecurity',
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    terms: {
      en: ['biosafety', 'biosecurity', 'biorisk management', 'biorisk', 'laboratory biosafety'],
      ru: ['биобезопасность', 'биологическая безопасность', 'биологической безопасности', 'биозащита'],
      fr: ['biosûreté', 'biosécurité', 'gestion des risques biologiques'],
      es: ['bioseguridad', 'biocustodia', 'gestión del riesgo biológico'],
    },
  },
  {
    id: 'pathogens',
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    terms: {
      en: ['pathogens', 'pathogen collections', 'especially dangerous pathogens', 'biological agents'],
      ru: ['патогены', 'патогенов', 'возбудители', 'биологические агенты'],
      fr: ['agents pathogènes', 'pathogènes', 'agents biologiques'],
      es: ['patógenos', 'agentes patógenos', 'agentes biológicos'],
    },
  },
  {
    id: 'containment_laboratory',
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    terms: {
      en: ['BSL-3', 'biosafety level 3', 'containment laboratory', 'containment equipment', 'reference laboratories'],
      ru: ['BSL-3', 'лаборатория третьего уровня', 'референс-лаборатории'],
      fr: ['BSL-3', 'laboratoire de confinement', 'laboratoires de référence'],
      es: ['BSL-3', 'laboratorio de contención', 'laboratorios de referencia'],
    },
  },
  {
    id: 'chemical_security',
    provisions: ['OP3a', 'OP3b'],
    domains: ['CHEMICAL'],
    terms: {
      en: [
        'chemical security',
        'chemical safety and security',
        'chemical safety',
        'chemical plants',
        'chemical industry',
      ],
      ru: ['химическая безопасность', 'химической безопасности', 'химической промышленности'],
      fr: ['sécurité chimique', 'sûreté chimique', 'sites chimiques', 'industrie chimique'],
      es: ['seguridad química', 'protección química', 'industria química'],
    },
  },
  {
    id: 'toxic_chemicals',
    provisions: ['OP3a', 'OP3c'],
    domains: ['CHEMICAL'],
    terms: {
      en: ['scheduled chemicals', 'precursors', 'toxic chemicals', 'ammonium nitrate', 'chemical agents'],
      ru: ['прекурсоры', 'прекурсоров', 'токсичные химикаты', 'химикаты'],
      fr: ['produits chimiques inscrits', 'précurseurs', 'produits chimiques toxiques', 'agents chimiques'],
      es: ['sustancias químicas de las listas', 'precursores', 'sustancias químicas tóxicas', 'agentes químicos'],
    },
  },
  {
    id: 'chemical_weapons_convention',
    provisions: ['OP2', 'COORDINATION'],
    domains: ['CHEMICAL'],
    terms: {
      en: ['Chemical Weapons Convention', 'CWC', 'OPCW'],
      ru: ['Конвенция о химическом оружии', 'КХО', 'ОЗХО'],
      fr: ['Convention sur les armes chimiques', 'CIAC', 'OIAC'],
      es: ['Convención sobre las Armas Químicas', 'CAQ', 'OPAQ'],
    },
  },
  {
    id: 'biological_weapons_convention',
    provisions: ['OP2', 'COORDINATION'],
    domains: ['BIOLOGICAL'],
    terms: {
      en: ['Biological Weapons Convention', 'BWC'],
      ru: ['Конвенция о биологическом оружии', 'КБО'],
      fr: ['Convention sur les armes biologiques', 'CABT'],
      es: ['Convención sobre las Armas Biológicas', 'CAB'],
    },
  },
  // The weapons by name: what OP1 and OP2 forbid non-State actors, and what a law or a programme is about (a French
  // request on "armes chimiques" meets an English offer on "chemical weapons"). The conventions' names contain them.
  {
    id: 'nuclear_weapons',
    provisions: ['OP1', 'OP2'],
    domains: ['NUCLEAR'],
    terms: {
      en: ['nuclear weapons', 'nuclear explosive devices'],
      ru: ['ядерное оружие', 'ядерного оружия', 'ядерные взрывные устройства'],
      fr: ['armes nucléaires', 'engins explosifs nucléaires'],
      es: ['armas nucleares', 'artefactos explosivos nucleares'],
    },
  },
  {
    id: 'chemical_weapons',
    provisions: ['OP1', 'OP2'],
    domains: ['CHEMICAL'],
    terms: {
      en: ['chemical weapons'],
      ru: ['химическое оружие', 'химического оружия'],
      fr: ['armes chimiques'],
      es: ['armas químicas'],
    },
  },
  {
    id: 'biological_weapons',
    provisions: ['OP1', 'OP2'],
    domains: ['BIOLOGICAL'],
    terms: {
      en: ['biological weapons', 'bioterrorism'],
      ru: ['биологическое оружие', 'биологического оружия', 'биотерроризм'],
      fr: ['armes biologiques', 'bioterrorisme'],
      es: ['armas biológicas', 'bioterrorismo'],
    },
  },
  {
    id: 'criminalisation',
    provisions: ['OP2'],
    domains: WMD,
    terms: {
      en: [
        'criminalise',
        'criminalize',
        'criminalising',
        'criminal offences',
        'penal code',
        'criminal code',
        'penalties',
      ],
      ru: ['уголовная ответственность', 'уголовный кодекс', 'криминализация', 'наказания'],
      fr: ['incriminer', 'code pénal', 'infractions pénales', 'législation pénale', 'sanctions pénales'],
      es: ['tipificar', 'código penal', 'delitos', 'legislación penal', 'sanciones penales'],
    },
  },
  {
    id: 'legislation',
    provisions: ['OP2'],
    domains: WMD,
    terms: {
      en: [
        'legislation',
        'draft law',
        'drafting law',
        'legal framework',
        'implementing legislation',
        'legislative review',
      ],
      ru: ['законодательство', 'законодательства', 'законопроект', 'правовая база', 'закон'],
      fr: ['législation', 'projet de loi', 'cadre juridique', 'révision législative'],
      es: ['legislación', 'proyecto de ley', 'marco jurídico', 'revisión legislativa'],
    },
  },
  {
    id: 'proliferation_financing',
    provisions: ['OP2', 'OP3d'],
    domains: WMD,
    terms: {
      en: [
        'proliferation financing',
        'financing of proliferation',
        'targeted financial sanctions',
        'sanctions evasion',
      ],
      ru: ['финансирование распространения', 'целевые финансовые санкции', 'уклонение от санкций'],
      fr: ['financement de la prolifération', 'sanctions financières ciblées', 'contournement des sanctions'],
      es: [
        'financiamiento de la proliferación',
        'financiación de la proliferación',
        'sanciones financieras específicas',
      ],
    },
  },
  {
    id: 'national_report',
    provisions: ['REPORTING'],
    domains: WMD,
    terms: {
      en: ['national report', 'national reports', 'reporting to the Committee', "Committee's matrix", 'matrix'],
      ru: ['национальный доклад', 'национальный отчёт', 'национального отчёта', 'матрица Комитета', 'матрицей'],
      fr: ['rapport national', 'rapports nationaux', 'matrice du Comité'],
      es: ['informe nacional', 'informes nacionales', 'matriz del Comité'],
    },
  },
  {
    id: 'national_action_plan',
    provisions: ['REPORTING', 'COORDINATION'],
    domains: WMD,
    terms: {
      en: ['national action plan', 'national implementation action plan', 'action plan', 'action plans'],
      ru: ['национальный план действий', 'национального плана действий', 'план действий'],
      fr: ['plan d’action national', 'plans d’action nationaux', 'plan d’action'],
      es: ['plan de acción nacional', 'planes de acción nacionales', 'plan de acción'],
    },
  },
  {
    id: 'point_of_contact',
    provisions: ['COORDINATION', 'REPORTING'],
    domains: WMD,
    terms: {
      en: ['point of contact', 'points of contact'],
      ru: ['контактное лицо', 'контактных лиц', 'контактные лица', 'контактный пункт'],
      fr: ['point de contact', 'points de contact'],
      es: ['punto de contacto', 'puntos de contacto'],
    },
  },
  {
    id: 'interagency_coordination',
    provisions: ['COORDINATION'],
    domains: WMD,
    terms: {
      en: [
        'inter-agency coordination',
        'interagency',
        'coordination mechanism',
        'agencies concerned',
        'national coordination',
      ],
      ru: ['межведомственная координация', 'межведомственный', 'координационный механизм'],
      fr: ['coordination interinstitutionnelle', 'mécanisme national de coordination', 'administrations concernées'],
      es: ['coordinación interinstitucional', 'mecanismo de coordinación', 'organismos responsables'],
    },
  },
  {
    id: 'industry_outreach',
    provisions: ['OUTREACH'],
    domains: WMD,
    terms: {
      en: ['outreach', 'industry outreach', 'awareness raising', 'universities', 'academia', 'research institutes'],
      ru: ['работа с промышленностью', 'информирование', 'университеты', 'научные институты'],
      fr: ['sensibilisation', 'universités', 'instituts de recherche', 'milieu universitaire'],
      es: ['sensibilización', 'universidades', 'institutos de investigación', 'academia'],
    },
  },
  {
    id: 'peer_review',
    provisions: [],
    domains: WMD,
    terms: {
      en: ['peer review', 'advisory mission', 'review mission', 'advisory service'],
      ru: ['экспертная оценка', 'консультативная миссия', 'международная оценка'],
      fr: ['examen par les pairs', 'mission consultative', 'service consultatif'],
      es: ['revisión por pares', 'misión consultiva', 'servicio consultivo'],
    },
  },
];
