import type {
  AssistanceTypeCode,
  DeliveryModeCode,
  DomainCode,
  LanguageCode,
  ProvisionCode,
  RegionCode,
  StateCode,
  TargetInstitutionCode,
} from '@app/domain';
import type { DemoDate, DemoOfferStep, DemoTime } from './demo-requests.data';

export interface DemoOffer {
  /** Stable key the demo requests use to say which offer they were matched with. */
  readonly key: string;
  /** Key of the provider organisation in DEMO_ORGANIZATIONS; its provider_member posts the offer. */
  readonly provider: string;
  readonly title: string;
  readonly description: string;
  readonly programme?: string;
  readonly provisions: readonly ProvisionCode[];
  readonly domains: readonly DomainCode[];
  readonly assistanceTypes: readonly AssistanceTypeCode[];
  readonly targetInstitutions: readonly TargetInstitutionCode[];
  readonly eligibleRegions: readonly RegionCode[];
  readonly eligibleStates?: readonly StateCode[];
  readonly deliveryModes: readonly DeliveryModeCode[];
  readonly languages: readonly LanguageCode[];
  readonly capacityEngagements?: number;
  /** Minor units of `currency`. */
  readonly capacityBudget?: { readonly amount: number; readonly currency: string };
  readonly availableFrom?: DemoDate;
  readonly availableUntil?: DemoDate;
  readonly createdAt: DemoTime;
  /** Everything after creation, in order; the final status follows from OFFER_WORKFLOW. */
  readonly steps: readonly DemoOfferStep[];
}

const ALL_DOMAINS: readonly DomainCode[] = ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY', 'RELATED'];
const EXPERT = 'expert@committee.example';

/** Posted, verified and (for the active ones) live: the usual life of an offer. */
function postedAndVerified(created: string, verified: string): DemoOfferStep[] {
  return [
    { action: 'submit', at: created },
    { action: 'verify', at: verified, by: EXPERT },
  ];
}

/**
 * What the providers at the December 2022 Ulaanbaatar roundtable could offer (DESIGN §1), described from their
 * public programmes in our own words.
 */
export const DEMO_OFFERS: readonly DemoOffer[] = [
  // ── Germany: BAFA ─────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'bafa-control-lists',
    provider: 'bafa',
    title: 'Dual-use control lists and export licensing: expert support under the EU P2P programme',
    description:
      'BAFA implements the European Union’s Partner-to-Partner export control programme for dual-use items. ' +
      'Its experts help partner countries draft or update national control lists based on the EU dual-use list, ' +
      'correlate them with customs tariff codes, design licensing procedures and end-user checks, and train ' +
      'licensing officials, in country, online or on study visits to Eschborn.',
    programme: 'EU P2P Export Control Programme for Dual-Use Items',
    provisions: ['OP3d', 'OP2'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['LEGISLATIVE', 'EXPERTISE', 'TRAINING', 'WORKSHOP'],
    targetInstitutions: ['LICENSING', 'CUSTOMS_BORDER', 'LEGISLATURE'],
    eligibleRegions: ['CENTRAL_ASIA', 'ASEAN', 'EU_NEIGHBOURHOOD'],
    eligibleStates: ['MNG'],
    deliveryModes: ['IN_COUNTRY', 'VIRTUAL', 'STUDY_VISIT'],
    languages: ['en', 'ru', 'de'],
    capacityEngagements: 8,
    availableFrom: '2020-07-01',
    availableUntil: '2027-12-31',
    createdAt: '2020-06-22T08:00:00Z',
    steps: postedAndVerified('2020-06-23T08:00:00Z', '2020-06-26T09:00:00Z'),
  },
  {
    key: 'bafa-industry-outreach',
    provider: 'bafa',
    title: 'Internal compliance programmes: outreach seminars for exporters and industry associations',
    description:
      'Seminars for companies, universities and chambers of commerce on what export controls require of them: ' +
      'classifying their products against the control list, screening customers and building an internal ' +
      'compliance programme, with BAFA and EU Member State licensing officers as speakers.',
    programme: 'EU P2P Export Control Programme for Dual-Use Items',
    provisions: ['OUTREACH', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['WORKSHOP', 'TRAINING'],
    targetInstitutions: ['LICENSING'],
    eligibleRegions: ['CENTRAL_ASIA', 'ASEAN'],
    eligibleStates: ['MNG'],
    deliveryModes: ['IN_COUNTRY', 'VIRTUAL'],
    languages: ['en', 'ru'],
    capacityEngagements: 4,
    availableFrom: '2023-01-01',
    availableUntil: '2027-06-30',
    createdAt: '2022-12-06T10:00:00Z',
    steps: [
      ...postedAndVerified('2022-12-07T08:00:00Z', '2022-12-12T09:00:00Z'),
      {
        action: 'pause',
        at: '2025-10-01T08:00:00Z',
        comment: 'Paused while the next seminar calendar is agreed with the EU.',
      },
    ],
  },
  // ── United States: EXBS ───────────────────────────────────────────────────────────────────────────────
  {
    key: 'exbs-legal-review',
    provider: 'exbs',
    title: 'Strategic trade control legal and regulatory review',
    description:
      'The Export Control and Related Border Security (EXBS) program reviews partner countries’ strategic trade ' +
      'control laws and regulations against international standards, comments on draft legislation and control ' +
      'lists, and advises licensing agencies on procedures, interagency review and penalties.',
    programme: 'Export Control and Related Border Security (EXBS)',
    provisions: ['OP2', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['LEGISLATIVE', 'EXPERTISE', 'WORKSHOP'],
    targetInstitutions: ['LICENSING', 'LEGISLATURE', 'FOREIGN_AFFAIRS'],
    eligibleRegions: ['ASIA_PACIFIC', 'CENTRAL_ASIA', 'EASTERN_EUROPE'],
    deliveryModes: ['IN_COUNTRY', 'VIRTUAL'],
    languages: ['en', 'ru'],
    capacityEngagements: 10,
    availableFrom: '2020-10-01',
    availableUntil: '2027-09-30',
    createdAt: '2020-09-14T14:00:00Z',
    steps: postedAndVerified('2020-09-15T14:00:00Z', '2020-09-18T09:00:00Z'),
  },
  {
    key: 'exbs-commodity-identification',
    provider: 'exbs',
    title: 'Commodity identification training for customs and border officers',
    description:
      'Hands-on courses that teach front-line customs and border officers to recognise controlled dual-use ' +
      'commodities in cargo, to use the documents and markings that give them away, and to refer cases to ' +
      'licensing experts; followed by train-the-trainer sessions so the customs academy can run the course itself.',
    programme: 'Export Control and Related Border Security (EXBS)',
    provisions: ['OP3c', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['TRAINING'],
    targetInstitutions: ['CUSTOMS_BORDER', 'LAW_ENFORCEMENT'],
    eligibleRegions: ['ASIA_PACIFIC', 'CENTRAL_ASIA'],
    deliveryModes: ['IN_COUNTRY', 'REGIONAL'],
    languages: ['en', 'ru', 'mn'],
    capacityEngagements: 6,
    availableFrom: '2023-01-01',
    availableUntil: '2027-09-30',
    createdAt: '2022-12-07T06:00:00Z',
    steps: postedAndVerified('2022-12-07T06:30:00Z', '2022-12-12T09:10:00Z'),
  },
  {
    key: 'exbs-radiation-detection',
    provider: 'exbs',
    title: 'Radiation detection and inspection equipment for border crossings',
    description:
      'Radiation portal monitors, handheld radionuclide identifiers, personal radiation detectors and cargo ' +
      'inspection tools for land borders and airports, with installation, operator training and a maintenance ' +
      'plan handed over to the national authorities.',
    programme: 'Export Control and Related Border Security (EXBS)',
    provisions: ['OP3c'],
    domains: ['NUCLEAR', 'RELATED'],
    assistanceTypes: ['EQUIPMENT', 'TRAINING'],
    targetInstitutions: ['CUSTOMS_BORDER', 'NUCLEAR_REGULATOR'],
    eligibleRegions: ['ASIA_PACIFIC', 'CENTRAL_ASIA'],
    deliveryModes: ['IN_COUNTRY'],
    languages: ['en', 'ru'],
    capacityEngagements: 3,
    capacityBudget: { amount: 250_000_000, currency: 'USD' },
    availableFrom: '2023-01-01',
    availableUntil: '2028-12-31',
    createdAt: '2022-12-07T07:00:00Z',
    steps: postedAndVerified('2022-12-07T07:30:00Z', '2022-12-12T09:20:00Z'),
  },
  // ── World Customs Organization ────────────────────────────────────────────────────────────────────────
  {
    key: 'wco-stce-national',
    provider: 'wco',
    title: 'Strategic Trade Control Enforcement (STCE) national training for customs',
    description:
      'A national workshop of the WCO Strategic Trade Control Enforcement programme for customs administrations: ' +
      'the legal basis of strategic trade controls, risk management and targeting of dual-use consignments, ' +
      'commodity identification, investigation and prosecution, based on the STCE Implementation Guide.',
    programme: 'WCO Strategic Trade Control Enforcement (STCE) Programme',
    provisions: ['OP3c', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['TRAINING', 'WORKSHOP'],
    targetInstitutions: ['CUSTOMS_BORDER'],
    eligibleRegions: ['GLOBAL'],
    deliveryModes: ['IN_COUNTRY', 'REGIONAL', 'VIRTUAL'],
    languages: ['en', 'fr', 'es', 'ru'],
    capacityEngagements: 5,
    availableFrom: '2023-01-01',
    // Runs out within a fortnight of the seed, so the expiry reminder has something to say.
    availableUntil: { daysFromNow: 10 },
    createdAt: '2022-12-06T11:00:00Z',
    steps: postedAndVerified('2022-12-06T11:30:00Z', '2022-12-12T09:30:00Z'),
  },
  {
    key: 'wco-stce-trainers',
    provider: 'wco',
    title: 'STCE train-the-trainer programme for customs academies',
    description:
      'Prepares instructors from national customs academies to teach strategic trade control enforcement ' +
      'themselves, with the STCE training package adapted to national law and translated course material.',
    programme: 'WCO Strategic Trade Control Enforcement (STCE) Programme',
    provisions: ['OP3c', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['TRAINING', 'TRANSLATION'],
    targetInstitutions: ['CUSTOMS_BORDER'],
    eligibleRegions: ['ASIA_PACIFIC', 'EASTERN_EUROPE'],
    deliveryModes: ['REGIONAL', 'VIRTUAL'],
    languages: ['en', 'ru'],
    capacityEngagements: 2,
    availableFrom: { daysFromNow: 60 },
    availableUntil: { daysFromNow: 790 },
    createdAt: { daysFromNow: -9 },
    steps: [{ action: 'submit', at: { daysFromNow: -5 } }],
  },
  // ── OSCE ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'osce-1540-support',
    provider: 'osce',
    title: '1540 support for participating States: national action plans and legislative assistance',
    description:
      'The OSCE Conflict Prevention Centre helps participating States implement resolution 1540: drafting and ' +
      'updating voluntary National Implementation Action Plans, reviewing legislation, setting up national ' +
      'coordination mechanisms, and national or regional workshops, in cooperation with UNODA and the 1540 ' +
      'Committee experts.',
    programme: 'OSCE project on supporting implementation of UNSCR 1540',
    provisions: ['REPORTING', 'COORDINATION', 'OP2', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['EXPERTISE', 'LEGISLATIVE', 'WORKSHOP', 'PEER_REVIEW'],
    targetInstitutions: ['FOREIGN_AFFAIRS', 'LEGISLATURE', 'LAW_ENFORCEMENT'],
    eligibleRegions: ['OSCE'],
    deliveryModes: ['IN_COUNTRY', 'REGIONAL', 'VIRTUAL'],
    languages: ['en', 'ru'],
    capacityEngagements: 6,
    availableFrom: '2021-01-01',
    availableUntil: '2027-12-31',
    createdAt: '2021-02-15T09:00:00Z',
    steps: postedAndVerified('2021-02-16T09:00:00Z', '2021-02-19T09:00:00Z'),
  },
  {
    key: 'osce-central-asia-borders',
    provider: 'osce',
    title: 'Central Asia regional training on border security and illicit trafficking of CBRN materials',
    description:
      'Regional courses for border guards and customs officers of the five Central Asian States on detecting ' +
      'and interdicting illicit trafficking of chemical, biological, radiological and nuclear materials, with ' +
      'joint exercises at shared border crossings.',
    programme: 'OSCE project on supporting implementation of UNSCR 1540',
    provisions: ['OP3c'],
    domains: ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'RELATED'],
    assistanceTypes: ['TRAINING', 'WORKSHOP'],
    targetInstitutions: ['CUSTOMS_BORDER', 'LAW_ENFORCEMENT'],
    // The one demo offer that does not serve Mongolia.
    eligibleRegions: ['CENTRAL_ASIA'],
    deliveryModes: ['REGIONAL'],
    languages: ['ru', 'en'],
    capacityEngagements: 3,
    availableFrom: '2024-01-01',
    availableUntil: '2027-12-31',
    createdAt: '2023-11-20T09:00:00Z',
    steps: postedAndVerified('2023-11-21T09:00:00Z', '2023-11-24T09:00:00Z'),
  },
  // ── UNODA ─────────────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'unoda-national-capacity',
    provider: 'unoda',
    title: '1540 national capacity building: national reports and National Implementation Action Plans',
    description:
      'UNODA supports States, at the request of the 1540 Committee, to prepare or update their national reports, ' +
      'draft voluntary National Implementation Action Plans and run national roundtables that bring the ' +
      'agencies concerned together with assistance providers.',
    programme: 'UNODA 1540 implementation support',
    provisions: ['REPORTING', 'COORDINATION'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['EXPERTISE', 'WORKSHOP', 'LEGISLATIVE'],
    targetInstitutions: ['FOREIGN_AFFAIRS', 'LEGISLATURE'],
    eligibleRegions: ['GLOBAL'],
    deliveryModes: ['IN_COUNTRY', 'REGIONAL', 'VIRTUAL'],
    languages: ['en', 'fr', 'es', 'ru'],
    capacityEngagements: 12,
    availableFrom: '2020-07-01',
    availableUntil: '2027-12-31',
    createdAt: '2020-06-15T13:00:00Z',
    steps: postedAndVerified('2020-06-16T13:00:00Z', '2020-06-19T09:00:00Z'),
  },
  {
    key: 'unoda-asia-pacific-workshops',
    provider: 'unoda',
    title: 'Asia-Pacific regional 1540 workshops, 2021–2022',
    description:
      'A series of regional workshops for 1540 points of contact of the Asia-Pacific region on national ' +
      'reporting, effective practices and assistance requests.',
    programme: 'UNODA 1540 implementation support',
    provisions: ['REPORTING', 'COORDINATION', 'OUTREACH'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['WORKSHOP'],
    targetInstitutions: ['FOREIGN_AFFAIRS'],
    eligibleRegions: ['ASIA_PACIFIC'],
    deliveryModes: ['REGIONAL', 'VIRTUAL'],
    languages: ['en'],
    capacityEngagements: 4,
    availableFrom: '2021-01-01',
    availableUntil: '2022-12-31',
    createdAt: '2020-11-30T10:00:00Z',
    steps: [
      ...postedAndVerified('2020-12-01T10:00:00Z', '2020-12-04T09:00:00Z'),
      { action: 'close', at: '2023-01-16T09:00:00Z', comment: 'Workshop series completed.' },
    ],
  },
  {
    key: 'unoda-peer-review',
    provider: 'unoda',
    title: 'Facilitation of voluntary peer reviews between States',
    description:
      'UNODA facilitates voluntary peer reviews in which two or more States examine each other’s implementation ' +
      'of resolution 1540 and exchange effective practices, with study visits and a joint report.',
    programme: 'UNODA 1540 implementation support',
    provisions: ['REPORTING', 'COORDINATION'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['PEER_REVIEW', 'WORKSHOP'],
    targetInstitutions: ['FOREIGN_AFFAIRS'],
    eligibleRegions: ['GLOBAL'],
    deliveryModes: ['STUDY_VISIT', 'IN_COUNTRY'],
    languages: ['en', 'fr', 'es', 'ru'],
    capacityEngagements: 2,
    availableFrom: { daysFromNow: 45 },
    availableUntil: { daysFromNow: 775 },
    createdAt: { daysFromNow: -4 },
    steps: [],
  },
  // ── Japan ─────────────────────────────────────────────────────────────────────────────────────────────
  {
    key: 'japan-export-control-seminar',
    provider: 'japan',
    title: 'Asian Export Control Seminar in Tokyo',
    description:
      'Japan’s annual seminar in Tokyo for export control officials of Asian countries: licensing practice, ' +
      'control list updates, enforcement cases and industry outreach, with the Ministry of Economy, Trade and ' +
      'Industry; participants’ travel is covered.',
    programme: 'Asian Export Control Seminar',
    provisions: ['OP3d', 'OUTREACH'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['WORKSHOP', 'TRAINING'],
    targetInstitutions: ['LICENSING', 'CUSTOMS_BORDER'],
    eligibleRegions: ['ASIA_PACIFIC'],
    deliveryModes: ['STUDY_VISIT', 'REGIONAL'],
    languages: ['en', 'ja'],
    capacityEngagements: 20,
    availableFrom: '2021-01-01',
    availableUntil: '2027-03-31',
    createdAt: '2020-12-10T01:00:00Z',
    steps: postedAndVerified('2020-12-11T01:00:00Z', '2020-12-15T09:00:00Z'),
  },
  {
    key: 'japan-biosafety-funding',
    provider: 'japan',
    title: 'Financial contributions to biosafety, biosecurity and health security capacity',
    description:
      'Grant funding, directly or through UNODA and other partners, for projects that strengthen biosafety and ' +
      'biosecurity in Asia: laboratory upgrades and equipment, pathogen inventory systems and staff training. ' +
      'Japan has also funded 1540 implementation projects through UNODA.',
    programme: 'Japan’s contributions to 1540 implementation',
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    assistanceTypes: ['FINANCIAL', 'EQUIPMENT', 'INFRASTRUCTURE', 'TRAINING'],
    targetInstitutions: ['HEALTH_BIOSAFETY'],
    eligibleRegions: ['ASIA_PACIFIC'],
    deliveryModes: ['IN_COUNTRY'],
    languages: ['en', 'ja'],
    capacityBudget: { amount: 300_000_000, currency: 'JPY' },
    availableFrom: '2023-04-01',
    availableUntil: '2027-03-31',
    createdAt: '2022-12-06T12:00:00Z',
    steps: postedAndVerified('2022-12-06T12:30:00Z', '2022-12-12T09:40:00Z'),
  },
];
