/**
 * DESIGN §6.8, the duplicate guard: how alike a draft reads to an open request of its State.
 *
 * Like is compared with like, using pg_trgm's `similarity(a, b)`: the distinct trigrams the two texts share
 * divided by all the distinct trigrams of both. It is symmetric, so a short title found inside a longer title
 * or description is not "100 %" (pg_trgm's `word_similarity`, which the guard used to take, is 1 there).
 * - title: the draft's title against the request's title;
 * - description: the draft's description against the request's description, once the draft has one of
 *   the length a request needs (shorter text is still being typed and would only drag the figure down);
 * - the figure shown is the title's alone, or the mean of both when both were compared.
 */
export const DUPLICATE_THRESHOLD = 0.45;

/** A draft's description is compared once it is as long as a request's description must be. */
export const DUPLICATE_DESCRIPTION_MIN_LENGTH = 20;

export interface DuplicateSimilarity {
  /** Title against title, 0..1. */
  title: number;
  /** Description against description, 0..1, or null when the draft had none to compare. */
  description: number | null;
  /** The figure the warning shows and the threshold applies to. */
  overall: number;
}

// Rounded down, so that 100 % means the same text and never 99.6 % shown as 100 %.
const hundredths = (value: number): number => Math.floor(value * 100 + 1e-9) / 100;

export function duplicateSimilarity(title: number, description: number | null): DuplicateSimilarity {
  const overall = description === null ? title : (title + description) / 2;
  return {
    title: hundredths(title),
    description: description === null ? null : hundredths(description),
    overall: hundredths(overall),
  };
}

/** Whether a draft's description is long enough to be compared (see DUPLICATE_DESCRIPTION_MIN_LENGTH). */
export function comparesDescription(description: string | undefined): boolean {
  return (description?.trim().length ?? 0) >= DUPLICATE_DESCRIPTION_MIN_LENGTH;
}
