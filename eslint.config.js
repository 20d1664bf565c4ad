// Type-aware lint for the whole repo, plus the layer rules of ARCHITECTURE.md:
// - src/domain/ is pure: no Forge, no Node IO, no clock or randomness, no imports from outer layers;
// - static/ (Custom UI) may import backend code only from src/contract/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outerLayers = ['app', 'adapters', 'entry', 'cli', 'contract', 'index'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'static/*/build/',
      'packages/*/dist/',
      '.sandbox-state/',
      'coverage/',
      'artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', URL: 'readonly', console: 'readonly' },
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@forge/*',
                'node:*',
                'fs',
                'fs/*',
                'path',
                'http',
                'https',
                'net',
                'child_process',
                'os',
              ],
              message:
                'src/domain/ is pure: IO and platform code belong in src/adapters/ (ARCHITECTURE.md).',
            },
            {
              group: outerLayers.flatMap((layer) => [`**/${layer}`, `**/${layer}/**`]),
              message:
                'src/domain/ must not import from outer layers (app, adapters, entry, cli, contract).',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in: the domain has no clock.' },
        {
          object: 'Math',
          property: 'random',
          message: 'The domain is deterministic: pass a seed.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'No IO in src/domain/.' },
        { name: 'process', message: 'No environment access in src/domain/.' },
        { name: 'setTimeout', message: 'No timers in src/domain/.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the clock: pass the time in.',
        },
      ],
    },
  },
  {
    // Use cases and ports depend on the domain and on port interfaces only (ARCHITECTURE.md).
    files: ['src/app/**/*.ts', 'src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@forge/*', '**/adapters/**', '**/entry/**', '**/cli/**'],
              message:
                'src/app/ and src/ports/ take ports as arguments: no Forge, adapters, entry or CLI imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // Forge's CommonJS packages: their default export is the module object under plain Node ESM
    // (the CLI, the sandbox, tests), so `kvs.entity` or `api.asApp` would be undefined there.
    files: ['src/adapters/**/*.ts', 'src/entry/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@forge/api', '@forge/kvs', '@forge/events', '@forge/resolver'].map((name) => ({
            name,
            importNames: ['default'],
            message: `Import named exports from ${name}: its default export breaks under Node ESM.`,
          })),
        },
      ],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/**',
                '!**/src/contract',
                '!**/src/contract/**',
                '@forge/api',
                '@forge/kvs',
              ],
              message:
                'Custom UI may import backend code only from src/contract/ (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
);
