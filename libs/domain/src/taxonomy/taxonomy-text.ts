/** What a person reads about a taxonomy code: a short label and one line of help. */
export interface TaxonomyText {
  readonly label: string;
  readonly help: string;
}

export interface TaxonomyEntry<C extends string = string> extends TaxonomyText {
  readonly code: C;
}

export function taxonomyEntries<C extends string>(
  codes: readonly C[],
  text: Readonly<Record<C, TaxonomyText>>,
): readonly TaxonomyEntry<C>[] {
  return codes.map((code) => ({ code, ...text[code] }));
}
