import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, errorMessageIn, invalidIssues, localizedError, localizedIssue, notFound } from '@app/common';
import type {
  AllocationPlanInput,
  EndorsePlanInput,
  plannedMatchSchema,
  ProfileInput,
  rescoreViewSchema,
  Served,
  weightsProposalViewSchema,
} from '@app/contracts';
import { MatchingProfileEntity, MatchRepository, RescoreRunEntity, WeightsProposalEntity } from '@app/database';
import { DEFAULT_WEIGHTS_PROFILE, planAllocation, weightsProfileIssues, WeightsProfile, type WeightsProfileProblem } from '@app/matching';
import { UnitOfWork, type Tx } from '@app/outbox';
import { pickAnswerLanguage, translator } from '@app/i18n';
import type { AuthUser } from '../auth/auth-user';
import { MatchesService, MatchView } from '../matches/matches.service';
import { reasonLineIn } from './reason-line';

/** The views of matching (libs/contracts views/matching.ts), as the service builds them. */
export type RescoreView = Served<typeof rescoreViewSchema>;
export type PlannedMatch = Served<typeof plannedMatchSchema>;
export type WeightsProposalView = Served<typeof weightsProposalViewSchema>;

// Each problem of a weights profile in the catalogues' words, under the field it concerns.
const WEIGHTS_PROBLEM_KEYS: Record<WeightsProfileProblem, string> = {
  nonNegativeInteger: 'errors.weights.nonNegativeInteger',
  nonNegativeNumber: 'errors.weights.nonNegativeNumber',
  notAComponent: 'errors.weights.notAComponent',
  allZero: 'errors.weights.allZero',
  unitInterval: 'errors.weights.unitInterval',
  positiveInteger: 'errors.weights.positiveInteger',
};

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
    const { version, runId } = await this.uow.run(user, (tx) => this.saveProfile(tx, user, input));
    return { ...(await this.getProfile()), version, rescore: await this.getRescore(runId) };
  }

  private async saveProfile(tx: Tx, user: AuthUser, input: ProfileInput): Promise<{ version: number; runId: string }> {
    await tx.manager.query('LOCK TABLE matching_profiles IN EXCLUSIVE MODE');
    const current = await currentProfile(this.dataSource);
    const next: WeightsProfile = { version: current.version + 1, weights: input.weights, threshold: input.threshold, topK: input.topK };
    const issues = weightsProfileIssues(next);
    if (issues.length) throw invalidIssues(issues.map((i) => localizedIssue(i.field, WEIGHTS_PROBLEM_KEYS[i.problem])));
    await tx.manager.insert(MatchingProfileEntity, { ...next, createdById: user.id, comment: input.comment ?? null });
    await tx.audit({ subjectType: 'matching_profile', subjectId: user.id, action: 'update', details: { version: next.version, ...input } });
    const run = await tx.manager.save(tx.manager.create(RescoreRunEntity, { trigger: 'weights_changed', weightsVersion: next.version, requestedById: user.id }));
    await tx.emit({ type: 'matching.rescore_requested', subjectType: 'rescore', subjectId: run.id, payload: { trigger: 'weights_changed', version: next.version } });
    return { version: next.version, runId: run.id };
  }

  /** Asks the worker to fit a profile from the decisions so far (issue 15 item 2); the proposal starts `fitting`. */
  async requestProposal(user: AuthUser): Promise<WeightsProposalView> {
    const id = await this.uow.run(user, async (tx) => {
      const current = await currentProfile(this.dataSource);
      const proposal = await tx.manager.save(tx.manager.create(WeightsProposalEntity, { baseVersion: current.version, requestedById: user.id }));
      await tx.audit({ subjectType: 'weights_proposal', subjectId: proposal.id, action: 'create', details: { baseVersion: current.version } });
      await tx.emit({ type: 'matching.weights_proposal_requested', subjectType: 'weights_proposal', subjectId: proposal.id, payload: {} });
      return proposal.id;
    });
    return this.getProposal(id);
  }

  async getProposal(id: string): Promise<WeightsProposalView> {
    const proposal = await this.dataSource.getRepository(WeightsProposalEntity).findOneBy({ id });
    if (!proposal) throw notFound('Weights proposal');
    return proposalView(proposal);
  }

  async listProposals(): Promise<WeightsProposalView[]> {
    const rows = await this.dataSource.getRepository(WeightsProposalEntity).find({ order: { createdAt: 'DESC', id: 'DESC' }, take: 20 });
    return rows.map(proposalView);
  }

  /**
   * Makes a proposal the profile in force: a new version with its weights and the current threshold and top k, and
   * a full rescore, in one transaction with the proposal's decision. Refused when the profile changed since the
   * fit: the comparison no longer holds.
   */
  async applyProposal(user: AuthUser, id: string, comment?: string): Promise<{ proposal: WeightsProposalView; profile: WeightsProfile & { rescore: RescoreView } }> {
    const { runId } = await this.uow.run(user, async (tx) => {
      const p = await tx.manager.findOne(WeightsProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw notFound('Weights proposal');
      if (p.status !== 'proposed' || !p.weights) throw localizedError('conflict', 'errors.weights.onlyProposed', { status: p.status.replace(/_/g, ' ') });
      const current = await currentProfile(this.dataSource);
      if (current.version !== p.baseVersion) {
        throw localizedError('conflict', 'errors.weights.outdated', { base: p.baseVersion, current: current.version });
      }
      const saved = await this.saveProfile(tx, user, {
        weights: p.weights as ProfileInput['weights'],
        threshold: current.threshold,
        topK: current.topK,
        comment: comment ?? `Fitted from ${p.figures?.examples ?? 0} decisions (proposal ${p.id})`,
      });
      await tx.manager.update(WeightsProposalEntity, { id }, { status: 'applied', appliedVersion: saved.version, decidedById: user.id, decidedAt: new Date() });
      await tx.audit({ subjectType: 'weights_proposal', subjectId: id, action: 'apply', details: { version: saved.version } });
      return saved;
    });
    return { proposal: await this.getProposal(id), profile: { ...(await this.getProfile()), rescore: await this.getRescore(runId) } };
  }

  async dismissProposal(user: AuthUser, id: string): Promise<WeightsProposalView> {
    await this.uow.run(user, async (tx) => {
      const p = await tx.manager.findOne(WeightsProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw notFound('Weights proposal');
      if (p.status !== 'proposed' && p.status !== 'not_enough_decisions') {
        throw localizedError('conflict', 'errors.weights.onlyWaiting', { status: p.status.replace(/_/g, ' ') });
      }
      await tx.manager.update(WeightsProposalEntity, { id }, { status: 'dismissed', decidedById: user.id, decidedAt: new Date() });
      await tx.audit({ subjectType: 'weights_proposal', subjectId: id, action: 'dismiss' });
    });
    return this.getProposal(id);
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
  async allocationPlan(user: AuthUser, input: AllocationPlanInput): Promise<{ total: number; requests: number; offers: number; candidates: number; matches: PlannedMatch[] }> {
    const rows = await this.matchRepository.allocationCandidates(input.requestIds ?? null);
    const capacities = new Map(rows.map((r) => [r.offerId, r.remaining]));
    const plan = planAllocation(rows.map((r) => ({ requestId: r.requestId, offerId: r.offerId, score: r.score })), capacities);
    const byPair = new Map(rows.map((r) => [`${r.requestId}:${r.offerId}`, r]));
    const matches = plan.pairs.map((p) => {
      const { remaining: _remaining, reasonParts, ...planned } = byPair.get(`${p.requestId}:${p.offerId}`)!;
      return { ...planned, reason: reasonParts?.length ? reasonLineIn(user.preferredLanguage, reasonParts) : planned.reason };
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
    // The history's comment, when the expert wrote none, in the expert's language (as their own comment would be).
    const comment = input.comment ?? translator(pickAnswerLanguage(user.preferredLanguage, undefined))('matching.plan.endorsedComment');
    for (const matchId of [...new Set(input.matchIds)]) {
      try {
        endorsed.push(await this.matches.transition(user, matchId, { action: 'endorse', comment }));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        skipped.push({ matchId, reason: errorMessageIn(user.preferredLanguage, err) });
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

function proposalView(p: WeightsProposalEntity): WeightsProposalView {
  return {
    id: p.id,
    status: p.status,
    baseVersion: p.baseVersion,
    weights: p.weights as WeightsProposalView['weights'],
    figures: p.figures,
    createdAt: p.createdAt,
    fittedAt: p.fittedAt,
    appliedVersion: p.appliedVersion,
    decidedAt: p.decidedAt,
  };
}
