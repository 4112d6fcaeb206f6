import type { ReasonPart, ScoreComponent } from '@app/matching';

/** The components that are read from the offer's capacity (budget), which only its provider and the committee see. */
const CAPACITY_COMPONENTS = new Set(['budgetFit']);
// Reason parts the engine derives from the budget ("budget covers 1% of the estimate").
const CAPACITY_REASON = /^budget\b/i;

export interface Explained {
  score: number | null;
  components: ScoreComponent[];
  reason: string;
  /** The reason's clauses, when stored (null on rows written before they were). */
  reasonParts: ReasonPart[] | null;
}

/**
 * A match's explanation as someone who may not see the offer's capacity reads it (a requesting State, another
 * provider): the budget component and the reason's budget clause (in the line and in its clauses) are left out, and the score is the weighted
 * mean of the remaining components, so neither it nor the other contributions let the budget be worked out.
 */
export function withoutCapacity(explained: Explained): Explained {
  const hidden = explained.components.filter((c) => CAPACITY_COMPONENTS.has(c.key));
  const hiddenParts = explained.reasonParts?.some((p) => p.key === 'budget') ?? false;
  if (!hidden.length && !hiddenParts && !CAPACITY_REASON.test(explained.reason)) return explained;
  const shown = explained.components.filter((c) => !CAPACITY_COMPONENTS.has(c.key));
  const shownWeight = shown.reduce((sum, c) => sum + c.weight, 0);
  // Contributions are weight × value over the weight of all components, so the shown ones reveal nothing hidden.
  const score =
    explained.score === null || !hidden.length
      ? explained.score
      : shownWeight > 0
        ? round(shown.reduce((sum, c) => sum + c.weight * c.value, 0) / shownWeight)
        : null;
  const reason = explained.reason
    .split('; ')
    .filter((part) => !CAPACITY_REASON.test(part))
    .join('; ');
  const reasonParts = explained.reasonParts?.filter((p) => p.key !== 'budget') ?? null;
  return { score, components: shown, reason, reasonParts };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
