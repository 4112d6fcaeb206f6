import { DELIVERY_MODES, REGION_STATES, REGIONS, STATE_CODES, type OfferStatus, type RegionCode } from '@app/domain';
import { chance, int, isoDate, pick, sample, unique, weighted, type Prng } from '../random';
import type { Cast, Provider } from './cast';
import type { SyntheticActor, SyntheticOffer } from './records';
import { drawCodes, MONGOLIAN_NOTE, THEME_BY_KEY } from './themes';
import { DAY_MS, HOUR_MS, onWorkingDay, placeInTime, recordSteps, type TimedStep } from './timelines';

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

const REGIONAL: readonly RegionCode[] = REGIONS.filter((r) => r !== 'GLOBAL');

/** Where an offer is open when the share of GLOBAL offers is set: GLOBAL, else one or two of its provider's regions. */
function reachWithGlobalShare(rng: Prng, provider: Provider, globalShare: number): RegionCode[] {
  if (chance(rng, globalShare)) return ['GLOBAL'];
  const own = provider.regions.filter((r) => r !== 'GLOBAL');
  const pool = own.length > 0 ? own : REGIONAL;
  return sample(rng, pool, int(rng, 1, Math.min(2, pool.length)));
}

/**
 * `count` offers from the cast's providers, most of them active, each with its history. Without `globalShare` an
 * offer is open where its provider works (a fifth of the providers work everywhere); with it, that share of offers
 * is open to every State (the engine benchmarks' knob).
 */
export function generateOffers(
  rng: Prng,
  count: number,
  cast: Cast,
  now: number,
  globalShare?: number,
): SyntheticOffer[] {
  const offers: SyntheticOffer[] = [];
  for (let i = 0; i < count; i++) {
    const provider = cast.providers[Number(weighted(rng, cast.providerWeights))];
    const theme = THEME_BY_KEY.get(pick(rng, provider.themes))!;
    const target = weighted(rng, OFFER_STATUS_WEIGHTS);
    const author: SyntheticActor = { email: provider.email, role: provider.role };
    const origin = Date.UTC(2019, 0, 7) + int(rng, 0, 4) * DAY_MS + int(rng, 1, 12) * HOUR_MS;
    const steps: TimedStep[] = [{ action: 'create', from: null, to: 'draft', at: origin, actor: author }];
    let status = 'draft' as OfferStatus;
    const take = (
      action: string,
      to: OfferStatus,
      gap: [number, number],
      actor: SyntheticActor,
      comment: string | null = null,
    ) => {
      const at =
        steps[steps.length - 1].at +
        int(rng, gap[0], gap[1]) * DAY_MS +
        int(rng, 0, 6) * HOUR_MS +
        int(rng, 5, 59) * 60_000;
      steps.push({ action, from: status, to, at: actor === 'committee' ? onWorkingDay(at) : at, actor, comment });
      status = to;
    };
    if (target !== 'draft') take('submit', 'pending_verification', [0, 5], author);
    if (target !== 'draft' && target !== 'pending_verification') take('verify', 'active', [1, 10], 'committee');
    if (target === 'paused') take('pause', 'paused', [30, 400], author, 'Paused until new funding is confirmed.');
    if (target === 'exhausted') take('exhaust', 'exhausted', [60, 500], 'system');
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
      steps.push({ action: 'expire', from: status, to: 'expired', at: expiry, actor: 'system' });
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
      globalShare !== undefined
        ? reachWithGlobalShare(rng, provider, globalShare)
        : provider.regions.length > 1 && chance(rng, 0.3)
          ? [pick(rng, provider.regions)]
          : [...provider.regions];
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
    // The draws below keep the order of the record's fields.
    offers.push({
      provider: provider.email,
      title: `${text.offerTitle}${chance(rng, 0.3) ? ` ${new Date(availableFrom).getUTCFullYear()}–${new Date(availableUntil).getUTCFullYear()}` : ''}`,
      description,
      programme: `${provider.shortName} ${theme.key} programme`,
      provisions,
      domains,
      assistanceTypes: types,
      targetInstitutions: targets,
      eligibleRegions: regions,
      eligibleStates: namedStates,
      deliveryModes: sample(rng, DELIVERY_MODES, int(rng, 1, 3)),
      languages: provider.languages.filter((l) => l === 'en' || l === lang || l === 'mn' || chance(rng, 0.5)),
      capacityEngagements,
      budget: budgetAmount === null || currency === null ? null : { amount: budgetAmount, currency },
      engagementsUsed: target === 'exhausted' ? (capacityEngagements ?? 0) : 0,
      availableFrom: isoDate(availableFrom),
      availableUntil: isoDate(availableUntil),
      status,
      history: recordSteps(steps),
    });
  }
  return offers;
}
