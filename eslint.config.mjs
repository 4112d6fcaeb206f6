import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Import boundaries (docs/architecture.md "Boundaries"). A later block replaces an earlier block's
// `no-restricted-imports` for the files it matches, so each block lists every rule its folder keeps.
const noApps = { group: ['**/apps/**'], message: 'A library never imports an application.' };
const frameworkFree = {
  group: [
    '@nestjs/*',
    'typeorm',
    'pg',
    'bullmq',
    'ioredis',
    'express',
    'nodemailer',
    'handlebars',
    'nestjs-pino',
    'rxjs',
    'reflect-metadata',
    '@app/*',
    '!@app/domain',
    '!@app/contracts',
    '!@app/matching',
    '!@app/synthetic',
  ],
  message:
    'libs/domain, libs/matching, libs/contracts and libs/synthetic are pure: no framework, no database, no server library.',
};
const noServerLibByPath = {
  regex: '^(\\.\\./)+(libs/)?(common|config|database|mail|outbox|queue)(/|$)',
  message: frameworkFree.message,
};
const webOnly = {
  group: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'express', 'nodemailer', '@app/*', '!@app/contracts', '!@app/i18n/browser', '**/libs/**', '**/api/src/**', '**/worker/src/**'],
  message: 'The web app takes shapes from @app/contracts and locale helpers from @app/i18n/browser only; the server stays on the server.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'libs/database/src/migrations/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Each file is checked with its own project: apps/web/tsconfig.json for the web, tsconfig.json for the rest.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // A switch over a union without a `default` must name every member: a new status or action fails here.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `return promise` inside try/catch/finally escapes the catch; elsewhere the await is noise.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Async methods that fulfil a Promise-returning interface without awaiting (counters, test stubs) are deliberate.
      '@typescript-eslint/require-await': 'off',
      // Its findings are String() of `unknown` event payload fields and error bodies, on purpose; typed events replace them.
      '@typescript-eslint/no-base-to-string': 'off',
      'no-console': 'off',
    },
  },
  {
    // Raw SQL (`query()`) rows and HTTP bodies in tests are `any` by their libraries' typing; the pure libraries
    // and the web app are held to the no-unsafe rules, the rest types its rows as the repositories move in.
    files: ['apps/api/**', 'apps/worker/**', 'libs/{common,config,database,mail,outbox,queue}/**', 'scripts/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['libs/**'], rules: restrict(noApps) },
  { files: ['libs/{domain,matching,contracts,synthetic}/**'], rules: restrict(noApps, frameworkFree, noServerLibByPath) },
  { files: ['apps/api/**'], rules: restrict({ group: ['**/worker/src/**'], message: 'The API never imports the worker.' }) },
  { files: ['apps/worker/**'], rules: restrict({ group: ['**/api/src/**'], message: 'The worker never imports the API.' }) },
  { files: ['apps/web/**'], rules: restrict(webOnly) },
  { files: ['apps/web/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      // A stale closure is a bug, not a style point: a missing dependency fails the lint.
      'react-hooks/exhaustive-deps': 'error',
      // Dialogs and drafts reset their form in an effect when they open or their data arrives (9 places); the
      // rule asks for keyed remounts instead, a rewrite of those components for one extra render.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
