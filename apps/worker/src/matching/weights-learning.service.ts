import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WeightsProposalFigures } from '@app/contracts';
import { WeightsProposalEntity, loadWeightsProfile } from '@app/database';
import {
  componentsFromStored,
  decisionLabel,
  evaluate,
  learnWeightsProfile,
  parseEvaluationSet,
  type DecisionExample,
  type EvaluationSet,
  type WeightsProfile,
} from '@app/matching';
import { EventHandlerRegistry } from '../events/event-handler.registry';

const EVALUATION_SET = 'libs/matching/eval/evaluation-set.json';

/**
 * Fits a weights profile from the Committee's decisions when one is asked for (issue 15 item 2): every decided
 * suggestion with its stored components is an example (learning.ts), the fit is measured on held-out decisions and
 * on the labelled set, and the result waits in weights_proposals for a committee member. Nothing is applied here.
 * The fit runs in the event's transaction and only fills a proposal still `fitting`, so a redelivered event changes
 * nothing.
 */
@Injectable()
export class WeightsLearning implements OnModuleInit {
  private readonly logger = new Logger(WeightsLearning.name);
  private labelledSet: EvaluationSet | null | undefined;

  constructor(private readonly registry: EventHandlerRegistry) {}

  onModuleInit(): void {
    this.registry.on('matching.weights_proposal_requested', 'weights-learning', (e, m) => this.fit(m, e.subjectId));
  }

  private async fit(manager: EntityManager, proposalId: string): Promise<void> {
    const proposals = manager.getRepository(WeightsProposalEntity);
    const proposal = await proposals.findOne({ where: { id: proposalId }, lock: { mode: 'pessimistic_write' } });
    if (!proposal || proposal.status !== 'fitting') return;
    const current = await loadWeightsProfile(manager);
    const examples = await decidedExamples(manager);
    const outcome = learnWeightsProfile(examples, current);
    let figures: WeightsProposalFigures;
    if (!outcome.ok) {
      figures = {
        examples: outcome.examples,
        positives: outcome.positives,
        lambda: null,
        folds: null,
        pastDecisions: null,
        labelledSet: null,
        reason: outcome.reason,
      };
    } else {
      const { learned } = outcome;
      figures = {
        examples: learned.examples,
        positives: learned.positives,
        lambda: learned.lambda,
        folds: learned.folds,
        pastDecisions: { current: learned.current, proposed: learned.proposed },
        labelledSet: this.onLabelledSet(current, learned.profile),
        reason: null,
      };
    }
    await proposals.update(proposal.id, {
      status: outcome.ok ? 'proposed' : 'not_enough_decisions',
      weights: outcome.ok ? { ...outcome.learned.profile.weights } : null,
      figures,
      fittedAt: new Date(),
    });
  }

  private onLabelledSet(current: WeightsProfile, proposed: WeightsProfile): WeightsProposalFigures['labelledSet'] {
    const set = this.evaluationSet();
    if (!set) return null;
    const engineFigures = (profile: WeightsProfile, regime: 'full' | 'loose') => {
      const engine = evaluate(set, profile, regime).systems[0];
      return { precisionAt3: engine.precisionAt3, ndcgAt5: engine.ndcgAt5 };
    };
    return {
      full: { current: engineFigures(current, 'full'), proposed: engineFigures(proposed, 'full') },
      loose: { current: engineFigures(current, 'loose'), proposed: engineFigures(proposed, 'loose') },
    };
  }

  /** The labelled set, found by walking up from this file or the working directory; null where it is not deployed. */
  private evaluationSet(): EvaluationSet | null {
    if (this.labelledSet !== undefined) return this.labelledSet;
    const path = [__dirname, process.cwd()].map(findUp).find((p): p is string => p !== null);
    this.labelledSet = path ? parseEvaluationSet(JSON.parse(readFileSync(path, 'utf8'))) : null;
    if (!path) this.logger.warn(`${EVALUATION_SET} not found: proposals are measured on past decisions only`);
    return this.labelledSet;
  }
}

function findUp(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = resolve(dir, EVALUATION_SET);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Every match whose status or feedback says what the Committee or the parties made of it, with its components. */
async function decidedExamples(manager: EntityManager): Promise<DecisionExample[]> {
  const rows: {
    status: string;
    components: unknown;
    requester_rating: number | null;
    provider_rating: number | null;
  }[] = await manager.query(
    `SELECT status, components, requester_rating, provider_rating FROM matches
      WHERE components IS NOT NULL AND json_array_length(components) > 0
      ORDER BY created_at, id`,
  );
  const examples: DecisionExample[] = [];
  for (const row of rows) {
    const label = decisionLabel({
      status: row.status,
      requesterRating: row.requester_rating,
      providerRating: row.provider_rating,
    });
    if (label !== null) examples.push({ components: componentsFromStored(row.components), label });
  }
  return examples;
}
