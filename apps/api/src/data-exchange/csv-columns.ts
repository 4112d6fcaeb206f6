import { CURRENCIES, type CurrencyCode } from '@app/domain';
import type { OfferView } from '../offers/offers.service';
import type { RequestView } from '../requests/requests.service';
import type { CsvColumn } from './csv';

/** Minor units as a decimal in the currency's units (150000 USD cents → "1500.00"), without float rounding. */
export function majorUnits(amount: number | null | undefined, currency: string | null | undefined): string | null {
  if (amount === null || amount === undefined || !currency) return null;
  const digits = CURRENCIES[currency as CurrencyCode]?.minorUnits ?? 2;
  if (digits === 0) return String(amount);
  const padded = String(amount).padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const col = <T>(header: string, value: CsvColumn<T>['value']): CsvColumn<T> => ({ header, value });

/** Columns of `GET /export/requests.csv`; headers are the JSON field names (docs/data-exchange.md). */
export const REQUEST_CSV_COLUMNS: readonly CsvColumn<RequestView>[] = [
  col('reference', (r) => r.reference),
  col('id', (r) => r.id),
  col('state', (r) => r.state),
  col('organization', (r) => r.organization?.name),
  col('title', (r) => r.title),
  col('status', (r) => r.status),
  col('priority', (r) => r.priority),
  col('visibility', (r) => r.visibility),
  col('provisions', (r) => r.provisions),
  col('domains', (r) => r.domains),
  col('assistanceTypes', (r) => r.assistanceTypes),
  col('targetInstitutions', (r) => r.targetInstitutions),
  col('languages', (r) => r.languages),
  col('estimatedCost', (r) => majorUnits(r.estimatedCost?.amount, r.estimatedCost?.currency)),
  col('estimatedCostCurrency', (r) => r.estimatedCost?.currency),
  col('desiredStart', (r) => r.desiredStart),
  col('desiredEnd', (r) => r.desiredEnd),
  col('letterDate', (r) => r.letterDate),
  col('napReference', (r) => r.napReference),
  col('objectionWindowWaived', (r) => r.objectionWindowWaived),
  col('closeReason', (r) => r.closeReason),
  col('createdAt', (r) => r.createdAt),
  col('updatedAt', (r) => r.updatedAt),
  col('submittedAt', (r) => r.submittedAt),
  col('acknowledgedAt', (r) => r.acknowledgedAt),
  col('circulatedAt', (r) => r.circulatedAt),
  col('matchedAt', (r) => r.matchedAt),
  col('deliveryStartedAt', (r) => r.deliveryStartedAt),
  col('deliveredAt', (r) => r.deliveredAt),
  col('closedAt', (r) => r.closedAt),
  col('withdrawnAt', (r) => r.withdrawnAt),
  col('description', (r) => r.description),
  col('assistanceReceived', (r) => r.assistanceReceived),
];

/** Columns of `GET /export/offers.csv`. Capacity cells stay empty for callers who may not see an offer's capacity. */
export const OFFER_CSV_COLUMNS: readonly CsvColumn<OfferView>[] = [
  col('id', (o) => o.id),
  col('provider', (o) => o.provider?.name),
  col('title', (o) => o.title),
  col('programme', (o) => o.programme),
  col('status', (o) => o.status),
  col('provisions', (o) => o.provisions),
  col('domains', (o) => o.domains),
  col('assistanceTypes', (o) => o.assistanceTypes),
  col('targetInstitutions', (o) => o.targetInstitutions),
  col('eligibleRegions', (o) => o.eligibleRegions),
  col('eligibleStates', (o) => o.eligibleStates),
  col('deliveryModes', (o) => o.deliveryModes),
  col('languages', (o) => o.languages),
  col('availableFrom', (o) => o.availableFrom),
  col('availableUntil', (o) => o.availableUntil),
  col('capacityEngagements', (o) => o.capacity?.engagements),
  col('engagementsUsed', (o) => o.capacity?.engagementsUsed),
  col('capacityBudget', (o) => majorUnits(o.capacity?.budget?.amount, o.capacity?.budget?.currency)),
  col('capacityBudgetCurrency', (o) => o.capacity?.budget?.currency),
  col('submittedAt', (o) => o.submittedAt),
  col('verifiedAt', (o) => o.verifiedAt),
  col('closedAt', (o) => o.closedAt),
  col('createdAt', (o) => o.createdAt),
  col('updatedAt', (o) => o.updatedAt),
  col('description', (o) => o.description),
];
