import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Resolved from this file so the build works from any working directory
// (`npx vite build --config apps/web/vite.config.ts` from the repository root).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The NestJS API listens here in development; it serves dist/web itself in production.
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

/**
 * The sections of each web catalogue the first paint can need: the entry's own components (the app's title, the
 * loaders, toasts, error states, the forbidden page, the list controls of the theme), the sign-in page and the
 * language picker. The build cuts every `<locale>.json` in two (`?part=first` and `?part=rest`, below): the
 * first part comes before the first render, the rest before any other page or frame renders (routes.tsx), so the
 * sign-in page's first load carries a few hundred strings instead of every page's (docs/performance.md).
 * A key of another section used by one of those components shows as its key until the rest arrives:
 * `test/browser/pseudo-locale.test.ts` opens the sign-in page and fails on it.
 */
const FIRST_SECTIONS: readonly string[] = [
  'app',
  'common',
  'errors',
  'forbidden',
  'language',
  'list',
  'notFound',
  'notifications',
  'signIn',
];

const PART = /^(.*\/src\/i18n\/[a-z]{2}\.json)\?part=(first|rest)$/;

/**
 * `src/i18n/<locale>.json?part=first` is the catalogue's sections the first paint needs (FIRST_SECTIONS),
 * `?part=rest` every other section: two chunks per locale from the one file translators edit.
 */
function catalogueParts(): Plugin {
  return {
    name: 'web-catalogue-parts',
    enforce: 'pre',
    load(id) {
      const match = PART.exec(id);
      if (!match) return null;
      const [, file, part] = match;
      this.addWatchFile(file);
      const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const first = (section: string) => FIRST_SECTIONS.includes(section);
      const sections = Object.entries(catalogue).filter(([section]) => first(section) === (part === 'first'));
      // JSON.parse of a string literal: quicker for the browser to read than the same object as code.
      const json = JSON.stringify(JSON.stringify(Object.fromEntries(sections)));
      return { code: `export default JSON.parse(${json});`, moduleType: 'js' };
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [catalogueParts(), react()],
  // The pure shared libraries (input schemas and their messages, the taxonomy they check), as the server has them.
  // The contracts' vocabulary first: a zod-free entry the first load can afford (an alias also matches `<key>/…`).
  resolve: {
    alias: {
      '@app/contracts/vocabulary': `${repoRoot}libs/contracts/src/vocabulary.ts`,
      '@app/contracts': `${repoRoot}libs/contracts/src/index.ts`,
      '@app/domain': `${repoRoot}libs/domain/src/index.ts`,
      // Locales, ICU and Intl helpers and the pseudo-locale; the server's catalogue loader stays out (libs/i18n/src/index.ts).
      '@app/i18n/browser': `${repoRoot}libs/i18n/src/browser.ts`,
      // The pseudo-locale's generator and the ICU parser it uses, loaded only when the pseudo-locale is asked for.
      '@app/i18n/pseudo': `${repoRoot}libs/i18n/src/pseudo.ts`,
    },
  },
  // Keep the dependency pre-bundle cache in the repository's node_modules, not a new one under apps/web.
  cacheDir: `${repoRoot}node_modules/.vite/web`,
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // Maps for reading stack traces and bundle sizes offline; 'hidden' leaves no reference to them in the code, and
    // the API never serves them (configure-app.ts).
    sourcemap: 'hidden',
    manifest: true,
    // ECharts alone is about 530 kB: only the reports dashboard imports it, so it comes in that page's chunk.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React changes less often than the app: its own chunk stays cached across deploys.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
