import type { LanguageCode } from '@app/domain';
import { chance, int, isoDate, pick, unique, weighted, type Prng } from '../random';
import { secondLanguage, type Cast } from './cast';
import type { SyntheticRequest } from './records';
import { describeRequest, drawCodes, THEME_BY_KEY, THEME_WEIGHTS } from './themes';
import {
  DAY_MS,
  placeInTime,
  recordSteps,
  REQUEST_RECENT,
  REQUEST_STATUS_WEIGHTS,
  requestTimeline,
  type RequestActors,
} from './timelines';

/** `count` requests from the cast's agencies, in every status (most of them circulated), each with its history. */
export function generateRequests(rng: Prng, count: number, cast: Cast, now: number): SyntheticRequest[] {
  const requests: SyntheticRequest[] = [];
  for (let i = 0; i < count; i++) {
    const state = weighted(rng, cast.stateWeights);
    const agencies = cast.agenciesByState.get(state)!;
    const coordinatorAgency = agencies[0];
    const theme = THEME_BY_KEY.get(weighted(rng, THEME_WEIGHTS))!;
    // The agency whose business the theme is drafts it, else the point of contact.
    const fitting = agencies.filter((a) => a.institutions.some((inst) => theme.institutions.includes(inst)));
    const agency = fitting.length > 0 && chance(rng, 0.8) ? pick(rng, fitting) : coordinatorAgency;
    const status = weighted(rng, REQUEST_STATUS_WEIGHTS);
    const waived = chance(rng, 0.1);
    const actors: RequestActors = {
      author: { email: agency.email, role: agency.role },
      coordinator: { email: coordinatorAgency.email, role: coordinatorAgency.role },
    };
    const { steps, closeReason } = requestTimeline(rng, status, waived, actors);
    placeInTime(rng, steps, now, REQUEST_RECENT.has(status));
    const createdAt = steps[0].at;
    // The letter goes with the last submission (a request sent back for clarification is submitted twice).
    const submit = steps.findLast((step) => step.action === 'submit');

    const second = secondLanguage(state);
    const lang: 'en' | 'ru' = second === 'ru' && chance(rng, 0.6) ? 'ru' : 'en';
    const languages = unique<LanguageCode>(
      lang === 'ru' ? ['ru', 'en'] : second && chance(rng, 0.7) ? [second, 'en'] : ['en'],
    );
    const { provisions, domains, types, targets } = drawCodes(rng, theme, agency.institutions);
    const [title, description] = describeRequest(rng, theme, types, lang);
    const costly = types.some((t) => t === 'EQUIPMENT' || t === 'INFRASTRUCTURE' || t === 'FINANCIAL');
    // 20,000 to 5,000,000 (400,000 without equipment or works), in cents.
    const cost = costly || chance(rng, 0.25) ? int(rng, 20, costly ? 5_000 : 400) * 100_000 : null;
    const desiredStart = chance(rng, 0.7) ? createdAt + int(rng, 60, 400) * DAY_MS : null;
    const desiredEnd = desiredStart && chance(rng, 0.6) ? desiredStart + int(rng, 90, 900) * DAY_MS : null;
    const providerIndex = chance(rng, 0.12) ? Number(weighted(rng, cast.providerWeights)) : null;
    // The draws below keep the order of the record's fields.
    requests.push({
      state,
      author: agency.email,
      title,
      description,
      provisions,
      domains,
      assistanceTypes: types,
      targetInstitutions: targets,
      priority: weighted(rng, { high: 25, medium: 55, low: 20 }),
      estimatedCost: cost === null ? null : { amount: cost, currency: chance(rng, 0.75) ? 'USD' : 'EUR' },
      desiredStart: desiredStart === null ? null : isoDate(desiredStart),
      desiredEnd: desiredEnd === null ? null : isoDate(desiredEnd),
      languages,
      preferredProviders: providerIndex === null ? [] : [cast.providers[providerIndex].email],
      assistanceReceived: chance(rng, 0.2) ? 'Earlier regional training courses; no national programme.' : null,
      napReference: chance(rng, 0.3)
        ? `NAP ${new Date(createdAt).getUTCFullYear() - int(rng, 0, 3)} item ${int(rng, 1, 6)}.${int(rng, 1, 9)}`
        : null,
      letterDate: submit === undefined ? null : isoDate(submit.at - int(rng, 1, 6) * DAY_MS),
      visibility: weighted(rng, { public: 35, providers: 55, committee: 10 }),
      objectionWindowWaived: waived,
      // Every timeline ends in the status it was drawn for.
      status,
      closeReason,
      history: recordSteps(steps),
    });
  }
  return requests;
}
