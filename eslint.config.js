import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Imports flow one way: domain <- import/api/state <- charts/features <- app.
// The domain core stays pure: no React, DOM-owning d3, fetch or stores.
const DOMAIN_BANNED = [
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    message: 'src/domain is pure: no React.',
  },
  {
    group: ['zustand', 'zustand/*', '@tanstack/*', 'msw', 'msw/*'],
    message: 'src/domain is pure: no state or data libraries.',
  },
  {
    group: ['d3', 'd3-selection', 'd3-transition'],
    message: 'src/domain may use d3-array only, never the DOM.',
  },
  {
    group: [
      '**/import/**',
      '**/api/**',
      '**/state/**',
      '**/features/**',
      '**/charts/**',
      '**/components/**',
      '**/cli/**',
    ],
    message: 'src/domain imports nothing from outer layers.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'scratch', 'coverage', 'data-national'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'eval', message: 'No eval: formulas are parsed.' },
      ],
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: DOMAIN_BANNED }],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'localStorage', 'eval'],
    },
  },
  {
    files: ['src/import/**/*.ts', 'src/api/**/*.ts', 'src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/features/**',
                '**/charts/**',
                '**/components/**',
                '**/cli/**',
                'react-dom',
              ],
              message: 'Imports flow one way: this layer may not import from UI or CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.tsx', 'src/components/**/*.tsx', 'src/charts/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message: 'Components never fetch: use a queryOptions factory in src/api.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['d3-selection', 'd3-transition'],
              message: 'd3 computes, React renders: no d3-selection in components.',
            },
          ],
        },
      ],
    },
  },
);
