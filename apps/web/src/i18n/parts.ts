/**
 * The parts each web catalogue (`<locale>.json`) is built into, by section (the build's `catalogueParts` in
 * vite.config.ts cuts them; `src/i18n/index.ts` fetches them): a first visit downloads the words of what it shows,
 * not every page's (docs/i18n.md, docs/performance.md).
 *
 * - `first`: what the first paint can need, fetched before it — the entry's own components (the app's title, the
 *   loaders, toasts, error states, the forbidden and not-found pages, the list controls of the theme), the sign-in
 *   page and the language picker.
 * - `frame`: what the signed-in frame (header, navigation) and the role home pages add, fetched before they render.
 * - `rest`: every other section, fetched before any other page renders.
 *
 * A key of a later part used where only the earlier ones are loaded shows as its key: `catalogue-parts.spec.ts` reads
 * the components each part serves and fails on one, and the pseudo-locale browser test opens every page fresh.
 */
export const CATALOGUE_PARTS = {
  first: ['app', 'common', 'errors', 'forbidden', 'language', 'list', 'notFound', 'notifications', 'signIn'],
  frame: ['header', 'home', 'nav', 'roles', 'sections', 'threads', 'waitingWork'],
} as const;

export type CataloguePart = keyof typeof CATALOGUE_PARTS | 'rest';

/** The part a section of the catalogue is built into. */
export function partOf(section: string): CataloguePart {
  for (const [part, sections] of Object.entries(CATALOGUE_PARTS) as [
    keyof typeof CATALOGUE_PARTS,
    readonly string[],
  ][]) {
    if (sections.includes(section)) return part;
  }
  return 'rest';
}
