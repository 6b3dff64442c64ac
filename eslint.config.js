import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'data',
      'node_modules',
      'coverage',
      'bench/results',
      'playwright-report',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      // Type-aware rules read each file's types through the tsconfig that includes it (server, web or e2e).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Fastify plugins and handlers and Kysely migrations are async by contract, awaiting or not; a forgotten
      // await is what no-floating-promises catches.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Lists shown to people take the UI language's separator (Arabic has its own comma).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='join'][arguments.0.value=/^[,،] $/]",
          message:
            'Use formatList(items, language) from components/format: Arabic separates a list with "، ".',
        },
      ],
    },
  },
  {
    // One string type for every schema (src/shared/text.schema.ts), and no `.partial()` that keeps defaults.
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/text.schema.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: 'Use Text from ./text.schema.js: it refuses NUL bytes and lone surrogates.',
        },
        {
          selector: "CallExpression[callee.property.name='partial']",
          message: 'Use patchOf(schema) from ./text.schema.js: .partial() keeps defaults.',
        },
      ],
    },
  },
  {
    // SQL only in repositories (README "Architecture", docs/conventions.md): a query built in a service or a
    // route is invisible to whoever looks for "which SQL runs?" and escapes the review of its column list.
    files: ['src/server/**/*.ts'],
    ignores: ['**/*.repository.ts', 'src/server/db/**', '**/*.test.ts', 'src/server/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|with)$/]",
          message:
            'SQL lives only in *.repository.ts (README "Architecture": routes → service → repository, the only SQL). Add a repository function named by intent and call it.',
        },
        {
          selector: "TaggedTemplateExpression[tag.type='Identifier'][tag.name='sql']",
          message:
            'SQL lives only in *.repository.ts (README "Architecture": routes → service → repository, the only SQL). Move this sql`…` into a repository function.',
        },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, objectContaining, stringMatching…) are typed any by design.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Integration files share their worker's modules (vitest.config.ts, isolate: false): a mocked module would
    // stay mocked for the next file in the worker.
    files: ['**/*.int.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|stubGlobal|stubEnv)$/]",
          message:
            'Integration files share modules (isolate: false): build what the test needs instead of mocking.',
        },
      ],
    },
  },
  {
    // Plain JavaScript (this file, postcss.config.cjs) belongs to no tsconfig: no type information to use.
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**', 'bench/**', 'src/server/cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
