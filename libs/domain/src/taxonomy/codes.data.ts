import type { TaxonomyText } from './taxonomy-text';

// Requests and offers are described with the same codes, so matching compares like with like.
// Codes are stable; labels and help texts may be reworded at any time.

/** The operative paragraphs of resolution 1540 (2004), plus the cross-cutting work that supports them. */
export const PROVISIONS = [
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
export type ProvisionCode = (typeof PROVISIONS)[number];

export const PROVISION_TEXT: Readonly<Record<ProvisionCode, TaxonomyText>> = {
  OP1: {
    label: 'OP1 — No support to non-State actors',
    help: 'The State gives no support of any kind to non-State actors seeking nuclear, chemical or biological weapons or their means of delivery.',
  },
  OP2: {
    label: 'OP2 — Prohibitions in national law',
    help: 'Laws that make it an offence for non-State actors to make, acquire, possess, develop, move, transfer or use such weapons, to attempt or help to, or to finance any of it.',
  },
  OP3a: {
    label: 'OP3(a) — Accounting and security',
    help: 'Keeping track of related materials and keeping them secure while they are produced, used, stored or moved.',
  },
  OP3b: {
    label: 'OP3(b) — Physical protection',
    help: 'Protecting sites and materials against theft, sabotage and unauthorised access.',
  },
  OP3c: {
    label: 'OP3(c) — Border controls and law enforcement',
    help: 'Border and police capacity to detect, deter, prevent and combat illicit trafficking and brokering, alone and with other States.',
  },
  OP3d: {
    label: 'OP3(d) — Export and trans-shipment controls',
    help: 'Controls on export, transit, trans-shipment and re-export, control lists, end-user checks and controls on the funds and services behind such trade, with penalties that bite.',
  },
  REPORTING: {
    label: 'National reports and action plans',
    help: 'Preparing the national report to the 1540 Committee or a voluntary National Implementation Action Plan (NAP).',
  },
  OUTREACH: {
    label: 'Industry and public outreach',
    help: 'Making industry, academia and the public aware of what national measures under resolution 1540 require of them.',
  },
  COORDINATION: {
    label: 'National coordination',
    help: 'Bringing the agencies that implement resolution 1540 together, with a national point of contact.',
  },
};

export const DOMAINS = ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY', 'RELATED'] as const;
export type DomainCode = (typeof DOMAINS)[number];

export const DOMAIN_TEXT: Readonly<Record<DomainCode, TaxonomyText>> = {
  NUCLEAR: {
    label: 'Nuclear',
    help: 'Nuclear weapons, nuclear material and the facilities and technology behind them.',
  },
  CHEMICAL: { label: 'Chemical', help: 'Chemical weapons, toxic chemicals and their precursors.' },
  BIOLOGICAL: {
    label: 'Biological',
    help: 'Biological weapons, dangerous pathogens and toxins, and the laboratories that work with them.',
  },
  DELIVERY: {
    label: 'Means of delivery',
    help: 'Missiles, rockets and other unmanned systems able to deliver such weapons and designed for that use.',
  },
  RELATED: {
    label: 'Related materials',
    help: 'Materials, equipment and technology under treaties or national control lists that could serve to design, make or use such weapons or their means of delivery.',
  },
};

export const ASSISTANCE_TYPES = [
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
export type AssistanceTypeCode = (typeof ASSISTANCE_TYPES)[number];

export const ASSISTANCE_TYPE_TEXT: Readonly<Record<AssistanceTypeCode, TaxonomyText>> = {
  LEGISLATIVE: {
    label: 'Legislative drafting and review',
    help: 'Drafting laws and regulations, or checking existing ones against the obligations of resolution 1540.',
  },
  EXPERTISE: {
    label: 'Expert advice',
    help: 'Specialists answering a defined legal, technical or institutional question.',
  },
  TRAINING: {
    label: 'Training',
    help: 'Courses and exercises for officials, including train-the-trainer programmes that leave national instructors behind.',
  },
  EQUIPMENT: {
    label: 'Equipment',
    help: 'Detection, inspection, protective or laboratory equipment, with training in its use and upkeep.',
  },
  FINANCIAL: { label: 'Financial support', help: 'Money for a project or activity the State carries out itself.' },
  INFRASTRUCTURE: {
    label: 'Infrastructure',
    help: 'Building or upgrading facilities such as a BSL-3 laboratory, a border post or secure storage.',
  },
  TRANSLATION: {
    label: 'Translation',
    help: 'Putting laws, control lists, guidance or reports into or out of a national language.',
  },
  WORKSHOP: {
    label: 'Workshops and study visits',
    help: 'Roundtables, national or regional workshops and study visits that bring agencies and providers together.',
  },
  PEER_REVIEW: {
    label: 'Peer review',
    help: 'Another State reviews national implementation alongside the requesting State.',
  },
};

export const TARGET_INSTITUTIONS = [
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
export type TargetInstitutionCode = (typeof TARGET_INSTITUTIONS)[number];

export const TARGET_INSTITUTION_TEXT: Readonly<Record<TargetInstitutionCode, TaxonomyText>> = {
  CUSTOMS_BORDER: {
    label: 'Customs and border guards',
    help: 'The agencies that inspect goods and people at borders, ports and airports.',
  },
  LICENSING: {
    label: 'Export licensing authority',
    help: 'The body that licenses exports, transit and brokering of controlled items and checks end users.',
  },
  NUCLEAR_REGULATOR: {
    label: 'Nuclear regulator',
    help: 'The authority that licenses and inspects nuclear and radioactive material and facilities.',
  },
  HEALTH_BIOSAFETY: {
    label: 'Health and biosafety',
    help: 'Ministries and institutes that oversee laboratories, pathogens and biosafety.',
  },
  CHEMICALS_ENVIRONMENT: {
    label: 'Chemicals and environment',
    help: 'Authorities that regulate toxic chemicals and precursors, including the national authority for the CWC.',
  },
  LAW_ENFORCEMENT: {
    label: 'Law enforcement',
    help: 'Police, security services and prosecutors who investigate and prosecute offences.',
  },
  FINANCIAL_INTELLIGENCE: {
    label: 'Financial intelligence unit',
    help: 'The unit that traces and stops financing of proliferation.',
  },
  FOREIGN_AFFAIRS: {
    label: 'Foreign affairs',
    help: 'The ministry that reports to the 1540 Committee and often hosts the national point of contact.',
  },
  LEGISLATURE: { label: 'Legislature', help: 'Parliament and the legal drafters who prepare bills for it.' },
  EMERGENCY_MANAGEMENT: {
    label: 'Emergency management',
    help: 'Services that prepare for and respond to a chemical, biological or nuclear incident.',
  },
};

export const DELIVERY_MODES = ['IN_COUNTRY', 'REGIONAL', 'VIRTUAL', 'STUDY_VISIT'] as const;
export type DeliveryModeCode = (typeof DELIVERY_MODES)[number];

export const DELIVERY_MODE_TEXT: Readonly<Record<DeliveryModeCode, TaxonomyText>> = {
  IN_COUNTRY: { label: 'In country', help: 'Delivered in the requesting State.' },
  REGIONAL: { label: 'Regional', help: 'Delivered at an event for several States of a region.' },
  VIRTUAL: { label: 'Virtual', help: 'Delivered online.' },
  STUDY_VISIT: { label: 'Study visit', help: "Officials travel to the provider's country or to a third State." },
};
