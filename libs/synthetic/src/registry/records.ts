import type {
  AssistanceTypeCode,
  CloseReason,
  DeliveryModeCode,
  DomainCode,
  LanguageCode,
  OfferStatus,
  ProvisionCode,
  RegionCode,
  RequestStatus,
  Role,
  TargetInstitutionCode,
} from '@app/domain';

// What the registry world is made of: plain records, no ids. The seeder gives them ids and turns the e-mail
// addresses that link them (an organisation's one user) into foreign keys.

export interface SyntheticOrganisation {
  name: string;
  shortName: string;
  kind: 'state_agency' | 'provider';
  state: string | null;
  /** The organisation's contact address and its one user's login. */
  email: string;
  /** The role of that user. */
  role: Role;
}

/** Who took a step: a synthetic user (by e-mail), whichever committee member the seeder finds, or the system. */
export type SyntheticActor = { email: string; role: Role } | 'committee' | 'system';

export interface SyntheticStep {
  action: string;
  from: string | null;
  to: string | null;
  at: Date;
  actor: SyntheticActor;
  comment: string | null;
  reason: string | null;
}

interface Money {
  /** Integer amount in minor units. */
  amount: number;
  currency: string;
}

/** What requests and offers both have: text, taxonomy codes and a history. */
interface SyntheticSubject {
  title: string;
  description: string;
  provisions: ProvisionCode[];
  domains: DomainCode[];
  assistanceTypes: AssistanceTypeCode[];
  targetInstitutions: TargetInstitutionCode[];
  /** Every step from creation to the record's status, oldest first. */
  history: SyntheticStep[];
}

export interface SyntheticRequest extends SyntheticSubject {
  state: string;
  /** E-mail of the drafting agency's user. */
  author: string;
  priority: 'high' | 'medium' | 'low';
  estimatedCost: Money | null;
  /** YYYY-MM-DD. */
  desiredStart: string | null;
  desiredEnd: string | null;
  languages: LanguageCode[];
  /** E-mails of the preferred providers' users. */
  preferredProviders: string[];
  assistanceReceived: string | null;
  napReference: string | null;
  /** YYYY-MM-DD. */
  letterDate: string | null;
  visibility: 'public' | 'providers' | 'committee';
  objectionWindowWaived: boolean;
  status: RequestStatus;
  closeReason: CloseReason | null;
}

export interface SyntheticOffer extends SyntheticSubject {
  /** E-mail of the providing organisation's user. */
  provider: string;
  programme: string;
  eligibleRegions: RegionCode[];
  eligibleStates: string[];
  deliveryModes: DeliveryModeCode[];
  languages: LanguageCode[];
  capacityEngagements: number | null;
  budget: Money | null;
  engagementsUsed: number;
  /** YYYY-MM-DD. */
  availableFrom: string;
  availableUntil: string;
  status: OfferStatus;
}

export interface RegistryWorld {
  organisations: SyntheticOrganisation[];
  requests: SyntheticRequest[];
  offers: SyntheticOffer[];
}
