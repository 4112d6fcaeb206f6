import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolved from this file so the build works from any working directory
// (`npx vite build --config apps/web/vite.config.ts` from the repository root).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The NestJS API listens here in development; it serves dist/web itself in production.
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  // The pure shared libraries (input schemas and their messages, the taxonomy they check), as the server has them.
  resolve: {
    alias: {
      '@app/contracts': `${repoRoot}libs/contracts/src/index.ts`,
      '@app/domain': `${repoRoot}libs/domain/src/index.ts`,
    },
  },
  // Keep the dependency pre-bundle cache in the repository's node_modules, not a new one under apps/web.
  cacheDir: `${repoRoot}node_modules/.vite/web`,
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    // ECharts alone is about 530 kB; it loads only with the reports dashboard (see `charts` below).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            // Only the reports dashboard draws charts: ECharts stays out of the first load.
            { name: 'charts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
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
