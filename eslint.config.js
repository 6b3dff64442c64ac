import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'data', 'node_modules', 'coverage', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
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
    files: ['scripts/**', 'bench/**', 'src/server/cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
