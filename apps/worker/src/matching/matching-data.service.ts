import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssistanceRequestEntity, loadMatchingEngine, loadWeightsProfile, RequestRepository } from '@app/database';
import { REQUEST_OPEN_FOR_MATCHING_STATUSES, type MatchStatus } from '@app/domain';
import { MatchingEngine, WeightsProfile } from '@app/matching';

// The mapping from rows to the engine's inputs lives with the tables, shared with the API's explanations.
export { toMatchableOffer, toMatchableRequest } from '@app/database';

/** Completed work counts in the engine's inputs (past cooperation), so a completion rebuilds the engine. */
const COMPLETED: MatchStatus = 'completed';

/**
 * Loads what the engine scores from PostgreSQL and keeps one engine per worker process, rebuilt when the
 * offers or the weights change (their fingerprint is checked before each job and again before its write).
 */
@Injectable()
export class MatchingDataService {
  private cached: MatchingEngine | null = null;
  /** The fingerprint each engine was built from. */
  private readonly built = new WeakMap<MatchingEngine, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
  ) {}

  profile(manager: EntityManager = this.dataSource.manager): Promise<WeightsProfile> {
    return loadWeightsProfile(manager);
  }

  /**
   * Every row version of every offer (xmin changes with each UPDATE, however it was written), the newest weights
   * and the count of completed matches. A max(updated_at) would miss a change whose transaction started before,
   * but committed after, another one's.
   */
  private async fingerprint(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ fingerprint }] = await manager.query(
      `SELECT concat_ws(':', (SELECT md5(coalesce(string_agg(id::text || '.' || xmin::text, ',' ORDER BY id), '')) FROM assistance_offers),
              (SELECT max(version) FROM matching_profiles),
              (SELECT count(*) FROM matches WHERE status = $1)) AS fingerprint`,
      [COMPLETED],
    );
    return fingerprint;
  }

  /** Whether `engine` still reflects the offers and weights as `manager` sees them now. */
  async isCurrent(engine: MatchingEngine, manager: EntityManager): Promise<boolean> {
    return this.built.get(engine) === (await this.fingerprint(manager));
  }

  async engine(): Promise<MatchingEngine> {
    const fingerprint = await this.fingerprint();
    if (this.cached && this.built.get(this.cached) === fingerprint) return this.cached;
    const engine = await loadMatchingEngine(this.dataSource.manager);
    this.cached = engine;
    this.built.set(engine, fingerprint);
    return engine;
  }

  /** The ids of the requests openRequests() answers, in the same (id) order, without loading the rows. */
  async openRequestIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM assistance_requests WHERE status = ANY($1::text[]) ORDER BY id`, [
      [...REQUEST_OPEN_FOR_MATCHING_STATUSES],
    ]);
    return rows.map((r) => r.id);
  }

  openRequests(ids?: string[], range?: { fromId: string | null; toId: string }): Promise<AssistanceRequestEntity[]> {
    return this.requests.openForMatching(ids, range);
  }
}
