import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Vitest with SWC: Nest 12 ships ES modules, which Vitest loads natively (Jest needs experimental
// VM modules for that), and SWC emits the decorator metadata Nest's DI needs (esbuild cannot).
const root = dirname(fileURLToPath(import.meta.url));
// Import names resolve as tsconfig.json's `paths` say (one list for the compiler, the build and the
// tests): exact names first, then `@tollgate/<lib>` for the libs under libs/. The SDK is tested from
// its sources (its package's `exports` point at a build).
const paths: Record<string, string[]> = JSON.parse(readFileSync(resolve(root, 'tsconfig.json'), 'utf8')).compilerOptions
  .paths;
const alias = Object.entries(paths)
  .sort(([a], [b]) => Number(a.includes('*')) - Number(b.includes('*')))
  .map(([name, [target]]) =>
    name.endsWith('/*')
      ? {
          find: new RegExp(`^${name.slice(0, -1).replace(/[/-]/g, '\\$&')}([a-z-]+)$`),
          replacement: resolve(root, target.replace('*', '$1')),
        }
      : { find: new RegExp(`^${name.replace(/[/-]/g, '\\$&')}$`), replacement: resolve(root, target) },
  );
const plugins = [
  swc.vite({
    module: { type: 'es6' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
  }),
];

export default defineConfig({
  plugins,
  resolve: { alias },
  test: {
    projects: [
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'sdk/typescript/src/**/*.spec.ts', 'test/**/*.spec.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e-spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Two cores: two test files at a time, each isolated by its own database and Redis prefix.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
