import { DataSource } from 'typeorm';
import { RequestRepository } from '@app/database';
import { toMatchableRequest, MatchingDataService } from '../../../apps/worker/src/matching/matching-data.service';
import { MatchWriter } from '../../../apps/worker/src/matching/match-writer.service';

/**
 * What the worker's "score request" job does (matching.processor.ts scoreRequests), run in the test process:
 * browser tests start no worker, but the pages under test need the engine's real suggestions, scored with the
 * real engine and the weights in force, written with the worker's own bulk upsert.
 */
export async function suggestOffersFor(ds: DataSource, requestId: string): Promise<number> {
  const data = new MatchingDataService(ds, new RequestRepository(ds));
  const engine = await data.engine();
  const open = await data.openRequests([requestId]);
  const results = open.flatMap((request) => engine.scoreRequest(toMatchableRequest(request)));
  return (await new MatchWriter(ds).replaceSuggestions([requestId], results, engine.profile.version)).written;
}
