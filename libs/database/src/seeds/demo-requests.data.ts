import type {
  AssistanceTypeCode,
  CloseReason,
  DomainCode,
  LanguageCode,
  OfferAction,
  ProvisionCode,
  RequestAction,
  TargetInstitutionCode,
} from '@app/domain';
import type { RequestPriority, RequestVisibility } from '../entities/assistance-request.entity';

/**
 * A fixed instant (ISO 8601, UTC) for the 2020–2023 story, or one relative to the moment the seed runs for the
 * recent items the committee's queues should show. Negative offsets lie in the past.
 */
export type DemoTime =
  | string
  | { readonly daysFromNow: number; readonly hoursFromNow?: number }
  | { readonly workingDaysFromNow: number; readonly hoursFromNow?: number };

/** A calendar date (`YYYY-MM-DD`), or one relative to the day the seed runs. */
export type DemoDate = string | { readonly daysFromNow: number };

/** One step of a record's life. `update` is an edit without a change of status. */
export interface DemoStep<A extends string> {
  readonly action: A | 'update';
  readonly at: DemoTime;
  /** The acting demo user's e-mail; defaults to the user who normally takes the action. */
  readonly by?: string;
  readonly comment?: string;
  readonly reason?: CloseReason;
  /** match_agreed: key of the demo offer the request was matched with (recorded in the history entry's details). */
  readonly offer?: string;
}

export interface DemoRequest {
  /** Story items have a fixed sequence number in the year they were created; recent items take the next free one. */
  readonly seq?: number;
  /** Key of the requesting organisation in DEMO_ORGANIZATIONS. */
  readonly organization: string;
  /** E-mail of the demo user who drafted it. */
  readonly author: string;
  readonly title: string;
  readonly description: string;
  readonly provisions: readonly ProvisionCode[];
  readonly domains: readonly DomainCode[];
  readonly assistanceTypes: readonly AssistanceTypeCode[];
  readonly targetInstitutions: readonly TargetInstitutionCode[];
  readonly priority: RequestPriority;
  /** Minor units of `currency`. */
  readonly estimatedCost?: { readonly amount: number; readonly currency: string };
  readonly desiredStart?: DemoDate;
  readonly desiredEnd?: DemoDate;
  readonly languages: readonly LanguageCode[];
  /** Keys of provider organisations the State would like to work with. */
  readonly preferredProviders?: readonly string[];
  readonly assistanceReceived?: string;
  readonly napReference?: string;
  readonly letterDate?: DemoDate;
  readonly visibility: RequestVisibility;
  readonly objectionWindowWaived?: boolean;
  readonly createdAt: DemoTime;
  /** Everything after creation, in order; the final status follows from REQUEST_WORKFLOW. */
  readonly steps: readonly DemoStep<RequestAction>[];
}

export type DemoOfferStep = DemoStep<OfferAction>;

const ALL_DOMAINS: readonly DomainCode[] = ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY', 'RELATED'];

const COORDINATOR = 'coordinator@nctc.mn.example';
const CUSTOMS_OFFICER = 'officer@customs.mn.example';
const NEC_OFFICER = 'officer@nec.mn.example';
const GASI_OFFICER = 'officer@gasi.mn.example';

/**
 * Mongolia's requests, 2020 to now (DESIGN §1): the May and August 2020 letters, the items of the April 2022
 * National Implementation Action Plan, and recent drafts and submissions that keep the committee's queues busy.
 * Written for the demo from public facts; the wording is ours, not the State's.
 */
export const DEMO_REQUESTS: readonly DemoRequest[] = [
  // ── Letter of 12 May 2020 ─────────────────────────────────────────────────────────────────────────────
  {
    seq: 1,
    organization: 'nctc',
    author: COORDINATOR,
    title: 'Drafting a national control list of dual-use goods and technologies',
    description:
      'Mongolia has no national list of dual-use items yet: licensing officials and customs rely on general ' +
      'provisions of the customs and licensing laws and cannot tell which goods need an export or transit licence. ' +
      'We ask for expert help to draft a national control list aligned with the multilateral regimes (Nuclear ' +
      'Suppliers Group, Australia Group, Missile Technology Control Regime, Wassenaar Arrangement), to map it to ' +
      'the Harmonized System codes of the customs tariff, and to draft the government resolution that adopts it.',
    provisions: ['OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'],
    targetInstitutions: ['LICENSING', 'CUSTOMS_BORDER', 'LEGISLATURE'],
    priority: 'high',
    desiredStart: '2020-09-01',
    desiredEnd: '2021-12-31',
    languages: ['en', 'mn'],
    preferredProviders: ['bafa'],
    assistanceReceived:
      'General awareness-raising on export controls at regional seminars; no drafting support so far.',
    letterDate: '2020-05-12',
    visibility: 'public',
    createdAt: '2020-05-06T02:30:00Z',
    steps: [
      { action: 'submit', at: '2020-05-13T03:00:00Z', comment: 'Transmitted with the note verbale of 12 May 2020.' },
      { action: 'acknowledge', at: '2020-05-15T06:00:00Z' },
      { action: 'circulate', at: '2020-05-25T07:00:00Z', comment: 'Objection window passed without objection.' },
      {
        action: 'match_agreed',
        at: '2021-02-10T09:00:00Z',
        comment: 'Agreed with BAFA under the EU P2P export control programme.',
        offer: 'bafa-control-lists',
      },
      { action: 'start_delivery', at: '2021-04-19T08:00:00Z', comment: 'First virtual drafting workshop held.' },
      {
        action: 'mark_delivered',
        at: '2023-02-28T08:00:00Z',
        comment: 'Draft national list and HS correlation table handed over; US EXBS reviewed the enforcement annex.',
      },
      {
        action: 'close',
        at: '2024-03-15T10:00:00Z',
        reason: 'fulfilled',
        comment: 'Twelve-month follow-up: the list is in force and used by the licensing authority and customs.',
      },
    ],
  },
  {
    seq: 2,
    organization: 'customs',
    author: CUSTOMS_OFFICER,
    title: 'Monitoring dual-use items at the border: training and inspection equipment for customs',
    description:
      'The Customs General Authority needs to recognise and stop dual-use goods moving across the border, ' +
      'including in transit between neighbouring States. Officers have had no training in commodity identification ' +
      'and border posts lack handheld tools to identify chemicals and metals. We ask for a training programme for ' +
      'front-line officers and risk analysts, and for basic identification equipment at the main road and rail ' +
      'crossings.',
    provisions: ['OP3c', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['TRAINING', 'EQUIPMENT'],
    targetInstitutions: ['CUSTOMS_BORDER', 'LAW_ENFORCEMENT'],
    priority: 'high',
    desiredStart: '2021-01-01',
    languages: ['en', 'mn', 'ru'],
    preferredProviders: ['exbs', 'wco'],
    letterDate: '2020-05-12',
    visibility: 'providers',
    createdAt: '2020-05-06T03:15:00Z',
    steps: [
      { action: 'submit', at: '2020-05-13T03:10:00Z', comment: 'Transmitted with the note verbale of 12 May 2020.' },
      { action: 'acknowledge', at: '2020-05-15T06:05:00Z' },
      { action: 'circulate', at: '2020-05-25T07:05:00Z' },
      {
        action: 'match_agreed',
        at: '2023-01-24T09:00:00Z',
        comment: 'Agreed after the December 2022 Ulaanbaatar roundtable: US EXBS commodity identification training.',
        offer: 'exbs-commodity-identification',
      },
      {
        action: 'start_delivery',
        at: '2023-05-15T01:00:00Z',
        comment: 'First commodity identification course at Zamyn-Üüd.',
      },
    ],
  },
  // ── Letter of 14 August 2020 ──────────────────────────────────────────────────────────────────────────
  {
    seq: 3,
    organization: 'nctc',
    author: COORDINATOR,
    title: 'Financial and technical support to establish a biosafety level 3 (BSL-3) laboratory',
    description:
      'Mongolia works with especially dangerous pathogens endemic to the region, such as plague and anthrax, ' +
      'in laboratories that do not meet BSL-3 containment. We ask for financial and technical support to design, ' +
      'build and equip one BSL-3 laboratory, including ventilation and waste treatment, biosecurity measures ' +
      '(access control, inventory of pathogen collections) and training of the staff who will run it.',
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    assistanceTypes: ['FINANCIAL', 'INFRASTRUCTURE', 'EQUIPMENT'],
    targetInstitutions: ['HEALTH_BIOSAFETY'],
    priority: 'high',
    estimatedCost: { amount: 380_000_000, currency: 'USD' },
    desiredStart: '2021-06-01',
    desiredEnd: '2024-12-31',
    languages: ['en', 'mn'],
    preferredProviders: ['japan'],
    assistanceReceived: 'Laboratory staff attended biosafety courses abroad; no support for construction or equipment.',
    letterDate: '2020-08-14',
    visibility: 'public',
    createdAt: '2020-08-10T04:00:00Z',
    steps: [
      { action: 'submit', at: '2020-08-18T03:30:00Z', comment: 'Transmitted with the note verbale of 14 August 2020.' },
      {
        action: 'request_clarification',
        at: '2020-08-25T08:00:00Z',
        comment: 'Please add a cost estimate and name the institution that will operate the laboratory.',
      },
      { action: 'update', at: '2020-09-08T02:00:00Z', comment: 'Cost estimate and operating institution added.' },
      { action: 'submit', at: '2020-09-09T02:30:00Z' },
      { action: 'acknowledge', at: '2020-09-11T07:00:00Z' },
      { action: 'circulate', at: '2020-09-21T07:30:00Z' },
    ],
  },
  {
    seq: 4,
    organization: 'nctc',
    author: COORDINATOR,
    title: 'Help drafting the national report to the 1540 Committee',
    description:
      'Mongolia wants to update its national report on the implementation of resolution 1540. Information is ' +
      'spread across a dozen ministries and agencies. We ask for expert help to collect and review the relevant ' +
      'legislation, fill in the Committee matrix, and draft the report, and for advice on the gaps it reveals.',
    provisions: ['REPORTING'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'],
    targetInstitutions: ['FOREIGN_AFFAIRS', 'LEGISLATURE'],
    priority: 'medium',
    desiredStart: '2020-10-01',
    desiredEnd: '2021-06-30',
    languages: ['en'],
    preferredProviders: ['unoda'],
    letterDate: '2020-08-14',
    visibility: 'public',
    createdAt: '2020-08-10T04:30:00Z',
    steps: [
      { action: 'submit', at: '2020-08-18T03:40:00Z', comment: 'Transmitted with the note verbale of 14 August 2020.' },
      { action: 'acknowledge', at: '2020-08-20T06:00:00Z' },
      { action: 'circulate', at: '2020-08-27T09:00:00Z' },
      {
        action: 'match_agreed',
        at: '2020-10-05T08:00:00Z',
        comment: 'Agreed with UNODA (1540 national capacity building).',
        offer: 'unoda-national-capacity',
      },
      {
        action: 'start_delivery',
        at: '2020-11-16T02:00:00Z',
        comment: 'Virtual drafting sessions with the inter-agency group.',
      },
      {
        action: 'mark_delivered',
        at: '2021-06-30T08:00:00Z',
        comment: 'Updated national report submitted to the Committee.',
      },
      {
        action: 'close',
        at: '2022-07-01T09:00:00Z',
        reason: 'fulfilled',
        comment: 'Follow-up: the report led to the 2022 National Implementation Action Plan.',
      },
    ],
  },
  // ── 2021: superseded by the action plan ───────────────────────────────────────────────────────────────
  {
    seq: 1,
    organization: 'gasi',
    author: GASI_OFFICER,
    title: 'Mobile laboratory to identify chemical agents at incident sites',
    description:
      'Inspectors and emergency services cannot identify toxic chemicals on site after a spill, theft or ' +
      'suspected misuse. We ask for a vehicle-mounted laboratory with detection and identification equipment and ' +
      'for training of its crew.',
    provisions: ['OP3c', 'OP3a'],
    domains: ['CHEMICAL'],
    assistanceTypes: ['EQUIPMENT', 'TRAINING'],
    targetInstitutions: ['EMERGENCY_MANAGEMENT', 'CHEMICALS_ENVIRONMENT'],
    priority: 'medium',
    estimatedCost: { amount: 65_000_000, currency: 'USD' },
    languages: ['en', 'mn'],
    letterDate: '2021-06-07',
    visibility: 'providers',
    createdAt: '2021-06-02T03:00:00Z',
    steps: [
      { action: 'submit', at: '2021-06-10T02:00:00Z' },
      { action: 'acknowledge', at: '2021-06-14T07:00:00Z' },
      { action: 'circulate', at: '2021-06-22T07:00:00Z' },
      {
        action: 'withdraw',
        at: '2022-04-12T03:00:00Z',
        by: COORDINATOR,
        comment: 'Withdrawn: folded into the chemical security items of the 2022 National Implementation Action Plan.',
      },
    ],
  },
  // ── National Implementation Action Plan, submitted April 2022 ─────────────────────────────────────────
  {
    seq: 1,
    organization: 'nctc',
    author: COORDINATOR,
    title: 'National inter-agency coordination mechanism for resolution 1540',
    description:
      'The action plan gives the National Counter-Terrorism Council the lead for a standing inter-agency working ' +
      'group on resolution 1540. We ask for advice on its terms of reference, information sharing between ' +
      'agencies, and a tabletop exercise to test how the agencies work together on a proliferation case.',
    provisions: ['COORDINATION', 'REPORTING'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['EXPERTISE', 'WORKSHOP'],
    targetInstitutions: ['FOREIGN_AFFAIRS', 'LAW_ENFORCEMENT'],
    priority: 'medium',
    desiredStart: '2022-09-01',
    desiredEnd: '2023-12-31',
    languages: ['en', 'ru'],
    preferredProviders: ['osce'],
    napReference: 'NAP 2022 item 1.1',
    letterDate: '2022-04-08',
    visibility: 'public',
    createdAt: '2022-04-11T02:00:00Z',
    steps: [
      {
        action: 'submit',
        at: '2022-04-19T02:00:00Z',
        comment: 'Item of the National Implementation Action Plan of April 2022.',
      },
      { action: 'acknowledge', at: '2022-04-21T07:00:00Z' },
      { action: 'circulate', at: '2022-04-29T07:00:00Z' },
      {
        action: 'match_agreed',
        at: '2023-02-14T09:00:00Z',
        comment: 'Agreed with OSCE (1540 support for participating States).',
        offer: 'osce-1540-support',
      },
      { action: 'start_delivery', at: '2023-04-03T02:00:00Z', comment: 'Terms of reference workshop in Ulaanbaatar.' },
      // Delivered eleven months ago, so its twelve-month follow-up falls due soon.
      {
        action: 'mark_delivered',
        at: { daysFromNow: -335 },
        comment: 'Tabletop exercise held; working group meets quarterly.',
      },
    ],
  },
  {
    seq: 2,
    organization: 'nec',
    author: NEC_OFFICER,
    title: 'Radiation detection at border crossing points',
    description:
      'Only some border crossings have radiation portal monitors, and several of those are past their service ' +
      'life. We ask for portal monitors and handheld radionuclide identifiers at the main road and rail crossings ' +
      'and at the international airport, and for training of customs officers and Nuclear Energy Commission ' +
      'inspectors in alarm response.',
    provisions: ['OP3c', 'OP3a'],
    domains: ['NUCLEAR', 'RELATED'],
    assistanceTypes: ['EQUIPMENT', 'TRAINING'],
    targetInstitutions: ['CUSTOMS_BORDER', 'NUCLEAR_REGULATOR'],
    priority: 'high',
    estimatedCost: { amount: 120_000_000, currency: 'USD' },
    desiredStart: '2023-01-01',
    desiredEnd: '2025-12-31',
    languages: ['en', 'mn'],
    preferredProviders: ['exbs'],
    napReference: 'NAP 2022 item 3.2',
    letterDate: '2022-04-08',
    visibility: 'providers',
    // The State waived its objection window for this item, so it circulated on the day it was acknowledged.
    objectionWindowWaived: true,
    createdAt: '2022-04-11T03:00:00Z',
    steps: [
      { action: 'submit', at: '2022-04-19T02:10:00Z', comment: 'Objection window waived by the State.' },
      { action: 'acknowledge', at: '2022-04-21T07:10:00Z' },
      {
        action: 'circulate',
        at: '2022-04-21T09:00:00Z',
        comment: 'Circulated at once: the State waived its objection window.',
      },
      {
        action: 'match_agreed',
        at: '2023-03-07T09:00:00Z',
        comment: 'Agreed with US EXBS (detection equipment and training).',
        offer: 'exbs-radiation-detection',
      },
    ],
  },
  {
    seq: 3,
    organization: 'gasi',
    author: GASI_OFFICER,
    title: 'Chemical security outreach to industry and importers of chemicals',
    description:
      'Mining and other industries import large quantities of toxic chemicals such as sodium cyanide. Companies ' +
      'know little about their duties to secure them and to report suspicious orders. We ask for outreach ' +
      'seminars for importers, users and transporters of scheduled and toxic chemicals, and for guidance material ' +
      'in Mongolian.',
    provisions: ['OUTREACH', 'OP3a'],
    domains: ['CHEMICAL'],
    assistanceTypes: ['WORKSHOP', 'TRAINING', 'TRANSLATION'],
    targetInstitutions: ['CHEMICALS_ENVIRONMENT'],
    priority: 'medium',
    desiredStart: '2022-10-01',
    languages: ['en', 'mn'],
    napReference: 'NAP 2022 item 4.1',
    letterDate: '2022-04-08',
    visibility: 'public',
    createdAt: '2022-04-12T02:00:00Z',
    steps: [
      { action: 'submit', at: '2022-04-19T02:20:00Z' },
      { action: 'acknowledge', at: '2022-04-21T07:20:00Z' },
      { action: 'circulate', at: '2022-05-02T07:00:00Z' },
    ],
  },
  {
    seq: 4,
    organization: 'nctc',
    author: COORDINATOR,
    title: 'Countering proliferation financing: legal review and training for the financial intelligence unit',
    description:
      'The law criminalises the financing of proliferation but targeted financial sanctions are not yet applied ' +
      'without delay and banks receive no typologies. We ask for a review of the legal framework against the ' +
      'FATF standards, and for training of the financial intelligence unit and supervisors on proliferation ' +
      'financing risks and sanctions screening.',
    provisions: ['OP2', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['LEGISLATIVE', 'TRAINING', 'EXPERTISE'],
    targetInstitutions: ['FINANCIAL_INTELLIGENCE', 'LAW_ENFORCEMENT'],
    priority: 'medium',
    desiredStart: '2023-01-01',
    languages: ['en'],
    napReference: 'NAP 2022 item 2.3',
    letterDate: '2022-04-08',
    visibility: 'committee',
    createdAt: '2022-04-12T03:00:00Z',
    steps: [
      { action: 'submit', at: '2022-04-19T02:30:00Z' },
      { action: 'acknowledge', at: '2022-04-21T07:30:00Z' },
      {
        action: 'circulate',
        at: '2022-05-02T07:10:00Z',
        comment: 'Confidential: shown to providers only once a match is endorsed.',
      },
    ],
  },
  {
    seq: 1,
    organization: 'customs',
    author: CUSTOMS_OFFICER,
    title: 'Хос зориулалттай бараа, технологийн үндэсний жагсаалтыг шинэчлэх, хэрэгжүүлэх',
    description:
      'Монгол Улс хос зориулалттай бараа, технологийн үндэсний жагсаалтыг баталсан. Олон улсын хяналтын ' +
      'жагсаалтад орсон сүүлийн өөрчлөлтийг тусгаж жагсаалтыг шинэчлэх, барааны кодыг гаалийн тарифын ангилалтай ' +
      '(HS код) уялдуулах шаардлагатай байна. Тусгай зөвшөөрөл олгох байгууллага болон гаалийн албан хаагчдад ' +
      'зориулсан сургалт, шинжээчийн зөвлөгөө авах хүсэлтэй байна.',
    provisions: ['OP3d', 'OP3c'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['EXPERTISE', 'TRAINING'],
    targetInstitutions: ['LICENSING', 'CUSTOMS_BORDER'],
    priority: 'medium',
    desiredStart: '2024-03-01',
    languages: ['mn'],
    preferredProviders: ['bafa', 'wco'],
    assistanceReceived: 'Үндэсний жагсаалтыг 2020–2023 онд BAFA, EXBS-ийн дэмжлэгтэйгээр боловсруулсан.',
    napReference: 'NAP 2022 item 3.1',
    letterDate: '2023-10-02',
    visibility: 'providers',
    createdAt: '2023-09-25T02:00:00Z',
    steps: [
      { action: 'submit', at: '2023-10-03T02:00:00Z' },
      { action: 'acknowledge', at: '2023-10-05T07:00:00Z' },
      { action: 'circulate', at: '2023-10-13T07:00:00Z' },
    ],
  },
  // ── Recent: the committee's queues ────────────────────────────────────────────────────────────────────
  {
    organization: 'customs',
    author: CUSTOMS_OFFICER,
    title: 'Strategic trade control enforcement training for officers at the Zamyn-Üüd rail crossing',
    description:
      'Traffic through the Zamyn-Üüd rail and road crossing has grown sharply with the new logistics hub. We ask ' +
      'for a strategic trade control enforcement course for its customs officers: risk profiling of dual-use ' +
      'consignments, transit and trans-shipment checks, and cooperation with the licensing authority.',
    provisions: ['OP3c', 'OP3d'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['TRAINING', 'WORKSHOP'],
    targetInstitutions: ['CUSTOMS_BORDER'],
    priority: 'medium',
    desiredStart: { daysFromNow: 120 },
    languages: ['mn', 'en', 'ru'],
    preferredProviders: ['wco'],
    napReference: 'NAP 2022 item 3.3',
    visibility: 'providers',
    createdAt: { daysFromNow: -6, hoursFromNow: -3 },
    steps: [{ action: 'update', at: { daysFromNow: -2, hoursFromNow: -5 }, comment: 'Course outline added.' }],
  },
  {
    organization: 'nec',
    author: NEC_OFFICER,
    title: 'Цацраг идэвхт үүсвэрийн аюулгүй байдлын хяналт шалгалтын чадавхыг бэхжүүлэх',
    description:
      'Цөмийн энергийн комисс улсын хэмжээнд ашиглагдаж буй цацраг идэвхт үүсвэрийн бүртгэл, хяналтыг хариуцдаг. ' +
      'Байцаагчийн тоо цөөн, хамгаалалтын арга хэмжээг үнэлэх аргачлал болон зөөврийн хэмжих багаж дутагдалтай ' +
      'байна. Олон улсын туршлагад суурилсан сургалт, шинжээчийн зөвлөгөө, хэмжих багаж хэрэгсэл хүсэж байна.',
    provisions: ['OP3a', 'OP3b'],
    domains: ['NUCLEAR', 'RELATED'],
    assistanceTypes: ['TRAINING', 'EXPERTISE', 'EQUIPMENT'],
    targetInstitutions: ['NUCLEAR_REGULATOR'],
    priority: 'high',
    languages: ['mn', 'en'],
    napReference: 'NAP 2022 item 3.4',
    visibility: 'providers',
    createdAt: { daysFromNow: -3, hoursFromNow: -2 },
    steps: [],
  },
  {
    organization: 'gasi',
    author: GASI_OFFICER,
    title: 'Biosafety and biosecurity inspection of laboratories that hold dangerous pathogens',
    description:
      'The General Authority for Specialized Inspection inspects laboratories but has no checklist for biosafety ' +
      'and biosecurity, and its inspectors are not trained to assess containment or pathogen inventories. We ask ' +
      'for help to write inspection guidelines and for a course for inspectors.',
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    assistanceTypes: ['TRAINING', 'EXPERTISE'],
    targetInstitutions: ['HEALTH_BIOSAFETY'],
    priority: 'medium',
    desiredStart: { daysFromNow: 90 },
    desiredEnd: { daysFromNow: 455 },
    languages: ['en', 'mn'],
    napReference: 'NAP 2022 item 5.2',
    visibility: 'public',
    createdAt: { daysFromNow: -12 },
    steps: [{ action: 'submit', at: { daysFromNow: -2, hoursFromNow: -4 } }],
  },
  {
    organization: 'nctc',
    author: COORDINATOR,
    title: 'Voluntary peer review of 1540 implementation and update of the National Action Plan',
    description:
      'Four years after its National Implementation Action Plan, Mongolia would like a voluntary peer review ' +
      'with a State of the region, followed by a workshop to update the plan with the agencies concerned.',
    provisions: ['REPORTING', 'COORDINATION'],
    domains: ALL_DOMAINS,
    assistanceTypes: ['PEER_REVIEW', 'EXPERTISE', 'WORKSHOP'],
    targetInstitutions: ['FOREIGN_AFFAIRS'],
    priority: 'medium',
    desiredStart: { daysFromNow: 150 },
    languages: ['en', 'ru'],
    preferredProviders: ['unoda', 'osce'],
    napReference: 'NAP 2022 item 1.3',
    visibility: 'public',
    createdAt: { daysFromNow: -15 },
    steps: [
      { action: 'submit', at: { daysFromNow: -8 } },
      // Within the last two working days: the State's objection window is still open.
      { action: 'acknowledge', at: { workingDaysFromNow: -1, hoursFromNow: -3 } },
    ],
  },
  {
    organization: 'customs',
    author: CUSTOMS_OFFICER,
    title: 'Cargo X-ray scanners for the air cargo terminal of Chinggis Khaan International Airport',
    description:
      'Air cargo through the new international airport is screened by hand. We ask for two cargo X-ray scanners ' +
      'with image analysis software, and for training of the officers who will read the images.',
    provisions: ['OP3c'],
    domains: ['RELATED', 'NUCLEAR', 'CHEMICAL'],
    assistanceTypes: ['EQUIPMENT', 'TRAINING'],
    targetInstitutions: ['CUSTOMS_BORDER'],
    priority: 'medium',
    estimatedCost: { amount: 240_000_000, currency: 'USD' },
    languages: ['en', 'mn'],
    preferredProviders: ['exbs'],
    visibility: 'providers',
    createdAt: { daysFromNow: -40 },
    steps: [
      { action: 'submit', at: { daysFromNow: -30 } },
      {
        action: 'request_clarification',
        at: { daysFromNow: -25 },
        comment: 'Please say which scanners are in service at the terminal today and who will maintain the new ones.',
      },
    ],
  },
];
