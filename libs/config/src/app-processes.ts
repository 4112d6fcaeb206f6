/**
 * How each application process is started, in one place. The demo, the tests, the benchmarks and the fault suite
 * start the built apps through `appArguments`; `npm run start:worker` and docker-compose.yml spell the same
 * options, which test/integration/docker-compose.test.ts checks.
 *
 * The worker's heap is bounded. Left alone, V8 lets the heap of a process that allocates fast grow to several times
 * what it keeps alive before collecting: a full rescore of 20,000 requests × 2,000 offers keeps less than 150 MiB
 * alive yet peaked at 668 MiB resident unbounded, and at about 300 MiB with this bound, at the same speed
 * (docs/performance.md, "Full rescore"). A registry several times that size needs a larger bound.
 */
export const APP_NODE_OPTIONS = {
  api: [] as string[],
  worker: ['--max-old-space-size=192'],
} as const;

export type AppKind = keyof typeof APP_NODE_OPTIONS;

/** `node`'s arguments for a built app: its options, then its entry point under `build` (the `dist` folder). */
export function appArguments(kind: AppKind, build = 'dist'): string[] {
  return [...APP_NODE_OPTIONS[kind], `${build}/apps/${kind}/src/main.js`];
}
