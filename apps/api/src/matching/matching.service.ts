import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@app/common';
import type { plannedMatchSchema, rescoreViewSchema, Served } from '@app/contracts';
import { MatchingProfileEntity, MatchRepository, RescoreRunEntity } from '@app/database';
import { DEFAULT_WEIGHTS_PROFILE, planAllocation, weightsProfileProblems, WeightsProfile } from '@app/matching';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { MatchesService, MatchView } from '../matches/matches.service';
import type { AllocationPlanInput, EndorsePlanInput, ProfileInput } from './matching.schemas';

/** The views of matching (libs/contracts views/matching.ts), as the service builds them. */
export type RescoreView = Served<typeof rescoreViewSchema>;
export type PlannedMatch = Served<typeof plannedMatchSchema>;

export async function currentProfile(ds: DataSource): Promise<WeightsProfile & { createdAt?: Date; comment?: string | null }> {
  const [row] = await ds.getRepository(MatchingProfileEntity).find({ order: { version: 'DESC' }, take: 1 });
  if (!row) return { ...DEFAULT_WEIGHTS_PROFILE };
  return { version: row.version, weights: row.weights, threshold: row.threshold, topK: row.topK, createdAt: row.createdAt, comment: row.comment };
}

@Injectable()
export class MatchingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly matches: MatchesService,
    private readonly matchRepository: MatchRepository,
  ) {}

  getProfile(): ReturnType<typeof currentProfile> {
    return currentProfile(this.dataSource);
  }

  /** A new version of the weights; the worker rescores everything with it. */
  async putProfile(user: AuthUser, input: ProfileInput): Promise<WeightsProfile & { rescore: RescoreView }> {
    const { version, runId } = await this.uow.run(user, async (tx) => {
      await tx.manager.query('LOCK TABLE matching_profiles IN EXCLUSIVE MODE');
      const current = await currentProfile(this.dataSource);
      const next: WeightsProfile = { version: current.version + 1, weights: input.weights, threshold: input.threshold, topK: input.topK };
      const problems = weightsProfileProblems(next);
      if (problems.length) throw new DomainError('invalid', problems.join('; '), problems.map((p) => ({ field: p.split(' ')[0], message: p })));
      await tx.manager.insert(MatchingProfileEntity, { ...next, createdById: user.id, comment: input.comment ?? null });
      await tx.audit({ subjectType: 'matching_profile', subjectId: user.id, action: 'update', details: { version: next.version, ...input } });
      const run = await tx.manager.save(tx.manager.create(RescoreRunEntity, { trigger: 'weights_changed', weightsVersion: next.version, requestedById: user.id }));
      await tx.emit({ type: 'matching.rescore_requested', subjectType: 'rescore', subjectId: run.id, payload: { trigger: 'weights_changed', version: next.version } });
      return { version: next.version, runId: run.id };
    });
    return { ...(await this.getProfile()), version, rescore: await this.getRescore(runId) };
  }

  async startRescore(user: AuthUser): Promise<RescoreView> {
    const id = await this.uow.run(user, async (tx) => {
      const run = await tx.manager.save(tx.manager.create(RescoreRunEntity, { trigger: 'manual', requestedById: user.id }));
      await tx.audit({ subjectType: 'rescore', subjectId: run.id, action: 'create' });
      await tx.emit({ type: 'matching.rescore_requested', subjectType: 'rescore', subjectId: run.id, payload: { trigger: 'manual' } });
      return run.id;
    });
    return this.getRescore(id);
  }

  async getRescore(id: string): Promise<RescoreView> {
    const run = await this.dataSource.getRepository(RescoreRunEntity).findOneBy({ id });
    if (!run) throw notFound('Rescore');
    return rescoreView(run);
  }

  async listRescores(): Promise<RescoreView[]> {
    const runs = await this.dataSource.getRepository(RescoreRunEntity).find({ order: { createdAt: 'DESC' }, take: 20 });
    return runs.map(rescoreView);
  }

  /**
   * The set of open suggestions with the greatest total score that no offer's remaining capacity and no
   * request's single need is exceeded by (DESIGN §6.7), from the stored candidates.
   */
  async allocationPlan(input: AllocationPlanInput): Promise<{ total: number; requests: number; offers: number; candidates: number; matches: PlannedMatch[] }> {
    const rows = await this.matchRepository.allocationCandidates(input.requestIds ?? null);
    const capacities = new Map(rows.map((r) => [r.offerId, r.remaining]));
    const plan = planAllocation(rows.map((r) => ({ requestId: r.requestId, offerId: r.offerId, score: r.score })), capacities);
    const byPair = new Map(rows.map((r) => [`${r.requestId}:${r.offerId}`, r]));
    const matches = plan.pairs.map((p) => {
      const { remaining: _remaining, ...planned } = byPair.get(`${p.requestId}:${p.offerId}`)!;
      return planned;
    });
    return {
      total: Math.round(plan.total * 1e6) / 1e6,
      requests: new Set(rows.map((r) => r.requestId)).size,
      offers: capacities.size,
      candidates: rows.length,
      matches,
    };
  }

  /** Endorses the plan's suggestions in one step; each endorsement is its own transition with history. */
  async endorsePlan(user: AuthUser, input: EndorsePlanInput): Promise<{ endorsed: MatchView[]; skipped: { matchId: string; reason: string }[] }> {
    const endorsed: MatchView[] = [];
    const skipped: { matchId: string; reason: string }[] = [];
    for (const matchId of [...new Set(input.matchIds)]) {
      try {
        endorsed.push(await this.matches.transition(user, matchId, { action: 'endorse', comment: input.comment ?? 'Endorsed from the allocation plan' }));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        skipped.push({ matchId, reason: err.message });
      }
    }
    return { endorsed, skipped };
  }
}

function rescoreView(run: RescoreRunEntity): RescoreView {
  const done = run.doneChunks.length;
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    weightsVersion: run.weightsVersion,
    requests: run.requests,
    progress: { done, total: run.totalChunks, percent: run.totalChunks ? Math.round((100 * done) / run.totalChunks) : run.status === 'completed' ? 100 : 0 },
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
