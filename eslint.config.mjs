// Lint: TypeScript's recommended rules and the import rules, on every source file of the repository
// (apps, libs, tests, bench, scripts, SDK). Formatting is Prettier's (`.prettierrc.json`), so no
// rule here speaks about layout. Layers are checked by test/layers.spec.ts, on the resolved graph.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      '.local/',
      'node_modules/',
      'tools/',
      'sdk/typescript/dist/',
      'sdk/typescript/src/generated/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { globals: globals.node, ecmaVersion: 2023, sourceType: 'module' },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      // One import statement per module, at the top, resolvable, and no path through another lib's files.
      'import-x/no-duplicates': 'error',
      'import-x/first': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-unresolved': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tollgate/*/*'],
              message: 'Import a lib through its name (@tollgate/<lib>), not a file inside it.',
            },
          ],
        },
      ],
      // Parameters and catch bindings named `_…` are unused on purpose (a signature Nest or Fastify imposes).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Reflection metadata (Nest's Reflector, route handlers) is typed as Function by its own API.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Packages whose default export also carries the named ones (typescript-eslint, pino): both are meant.
      'import-x/no-named-as-default-member': 'off',
    },
  },
  {
    // Tests read untyped JSON (HTTP bodies, the OpenAPI document) and share state with closures
    // the flow analysis of no-useless-assignment cannot see.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-useless-assignment': 'off' },
  },
  {
    // Node scripts and generators.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
