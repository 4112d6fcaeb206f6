// Plain data the scorer works on. The worker maps entities to these shapes; nothing here knows about Nest or SQL.

export interface Money {
  /** Integer amount in minor units. */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface MatchableRequest {
  id: string;
  /** ISO 3166-1 alpha-3 code of the requesting State. */
  state: string;
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
  title: string;
  description: string;
  /** ISO 639-1 codes. */
  languages: string[];
  estimatedCost?: Money | null;
  /** YYYY-MM-DD. */
  desiredStart?: string | null;
  /** YYYY-MM-DD. */
  desiredEnd?: string | null;
  preferredProviderIds: string[];
  /**
   * Set by the engine when it reads the request (relevance.ts, withNamedProvisions): the provisions its text names
   * that it does not tick. They are in `provisions` too; the reason line says which they are.
   */
  namedProvisions?: string[];
}

export interface MatchableOffer {
  id: string;
  providerId: string;
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
  eligibleRegions: string[];
  eligibleStates: string[];
  deliveryModes: string[];
  languages: string[];
  capacity: { engagements?: number | null; budget?: Money | null };
  /** Engagements still available; null means unlimited. */
  remainingEngagements: number | null;
  active: boolean;
  /** YYYY-MM-DD. */
  availableFrom?: string | null;
  /** YYYY-MM-DD. */
  availableUntil?: string | null;
  title: string;
  description: string;
}

/**
 * What the scorer needs from the rest of the system, passed in as functions so this library imports nothing.
 * Both functions must be pure for the lifetime of an engine: region membership is expanded into the candidate
 * index when an offer is added, so build a new engine when regions change.
 */
export interface ScoringContext {
  /** States of a region. `GLOBAL` is handled by the library and never asked for. */
  regionStates(region: string): readonly string[];
  /** Completed engagements between a provider and a State (DESIGN §6.3, last component). */
  priorCompletedWork(providerId: string, state: string): number;
  /**
   * A code's name for the reason line ("OP3(d)", "Industry and public outreach", "Training", "Mongolia"); without
   * it the codes appear as they are. `taxonomyName` (taxonomy-codes.ts) names them as the web app's pickers do.
   */
  describe?(category: DescribedCategory, code: string): string;
}

/** The taxonomy categories a reason line names. */
export type DescribedCategory = 'provisions' | 'assistanceTypes' | 'regions' | 'states';

export const COMPONENT_KEYS = [
  'provisionCoverage',
  'assistanceTypeCoverage',
  'domainCoverage',
  'targetInstitutionFit',
  'textRelevance',
  'budgetFit',
  'timingFit',
  'languageFit',
  'preferredProvider',
  'priorWork',
] as const;

export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export interface WeightsProfile {
  version: number;
  /** Non-negative; they need not sum to 1 because the score divides by their sum. */
  weights: Record<ComponentKey, number>;
  /** Results scoring below this are not returned. In [0, 1]. */
  threshold: number;
  /** At most this many results per request. */
  topK: number;
}

export interface ScoreComponent {
  key: ComponentKey;
  /** In [0, 1]. */
  value: number;
  /** The profile's weight for this component. */
  weight: number;
  /** weight × value ÷ sum of weights; the contributions add up to the score. */
  contribution: number;
}

export interface MatchResult {
  offerId: string;
  requestId: string;
  /** In [0, 1]. */
  score: number;
  components: ScoreComponent[];
  /** One line a person can read, e.g. "covers OP3d and OP3c — 2 of 2 requested provisions; …" (English). */
  reason: string;
  /** The same line as clauses with codes, for wording it in the reader's language (not stored). */
  reasonParts?: ReasonPart[];
}

/**
 * One clause of a reason line, as a catalogue key (`matching.reason.<key>` in libs/i18n/src/locales) and its
 * parameters: codes (provisions, assistance types, region, State), counts and figures, never words, so that the API
 * words the line in the reader's language (apps/api/src/matching/reason-line.ts). The engine stays free of catalogues.
 */
export type ReasonPart =
  | { key: 'noProvisions' }
  | { key: 'coversNone'; count: number }
  | { key: 'coversSome'; provisions: string[]; count: number }
  | { key: 'named'; provisions: string[] }
  | { key: 'textClose' | 'textLow'; text: string; least: string }
  | { key: 'offersTypes'; types: string[] }
  | { key: 'offersNoTypes' }
  | { key: 'servesDirectly' | 'servesGlobally'; state: string }
  | { key: 'servesVia'; state: string; region: string }
  | { key: 'preferred' }
  | { key: 'prior'; count: number; state: string }
  | { key: 'budget'; percent: number }
  | { key: 'mentioned'; terms: string[] };

