import { createPrng } from '../random';
import { buildCast, castOrganisations } from './cast';
import { generateOffers } from './offers';
import type { RegistryWorld } from './records';
import { generateRequests } from './requests';

// The registry world: what the platform would hold after years of use. State agencies of every region and
// providers, requests in every status (most of them circulated) and offers, each with the history that led there.
// The database seeder inserts it; load and report benchmarks query it; the engine's benchmarks and property tests
// score it, through toEngineInputs (../engine-inputs.ts).

export const DEFAULT_SYNTHETIC_SEED = 1540;

export interface RegistryWorldOptions {
  requests: number;
  offers: number;
  /** Same seed, same records (times aside, which are placed relative to `now`). */
  seed?: number;
  now?: Date;
  /**
   * Share of offers open to every State (`GLOBAL`), for the engine benchmarks: the engine's speed depends on it.
   * Unset, an offer is open where its provider works (about a fifth GLOBAL), and the world is the one seeded.
   */
  globalShare?: number;
}

/** The fixed cast (the same organisations whatever the seed), `requests` requests and `offers` offers. */
export function generateRegistryWorld(options: RegistryWorldOptions): RegistryWorld {
  const seed = options.seed ?? DEFAULT_SYNTHETIC_SEED;
  const now = (options.now ?? new Date()).getTime();
  const cast = buildCast();
  // Separate streams, so the offers drawn for a seed do not depend on how many requests were drawn.
  const requestRng = createPrng(seed);
  const offerRng = createPrng(seed ^ 0x9e3779b9);
  return {
    organisations: castOrganisations(cast),
    requests: generateRequests(requestRng, options.requests, cast, now),
    offers: generateOffers(offerRng, options.offers, cast, now, options.globalShare),
  };
}
