import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { partOf } from './src/i18n/parts.ts';

// Resolved from this file so the build works from any working directory
// (`npx vite build --config apps/web/vite.config.ts` from the repository root).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The NestJS API listens here in development; it serves dist/web itself in production.
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

const PART = /^(.*\/src\/i18n\/[a-z]{2}\.json)\?part=(first|frame|rest)$/;

/**
 * `src/i18n/<locale>.json?part=<part>` is the catalogue's sections of that part (CATALOGUE_PARTS in
 * src/i18n/parts.ts): three chunks per locale from the one file translators edit.
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
      const sections = Object.entries(catalogue).filter(([section]) => partOf(section) === part);
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
