import { execFile, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const run = promisify(execFile);
let dir: string;

/**
 * Runs the scaffold in a throw-away copy of the repository (sources only; node_modules and dist are
 * linked), so a failing run can never leave a generated module behind in the real tree.
 */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tollgate-scaffold-'));
  for (const entry of [
    'apps',
    'libs',
    'test/support',
    'test/security/access-control.e2e-spec.ts',
    'test/openapi.e2e-spec.ts',
    'tsconfig.json',
    'vitest.config.mts',
    'package.json',
    '.swcrc',
  ]) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'scripts'));
  cpSync(join(ROOT, 'scripts/new-module.mjs'), join(dir, 'scripts/new-module.mjs'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'dist'), join(dir, 'dist'), 'dir');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const scaffold = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/new-module.mjs', ...args], { cwd: dir, encoding: 'utf8', timeout: 10_000 });

describe('npm run new:module', () => {
  it('refuses a bad or taken name with one line and exit code 1, creating nothing', () => {
    const before = readdirSync(join(dir, 'libs')).sort();
    for (const args of [
      [],
      ['Widgets'],
      ['wid_gets'],
      ['widgets2'],
      ['-widgets'],
      ['config'],
      ['companies'],
      ['admin'],
      ['usage-daily'],
      ['a', 'b'],
    ]) {
      const res = scaffold(...args);
      expect(res.status, args.join(' ')).toBe(1);
      expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(res.stderr).toMatch(/^new-module: /);
      expect(res.stdout).toBe('');
    }
    expect(readdirSync(join(dir, 'libs')).sort()).toEqual(before);
  });

  it('generates a module, its test, and the line that registers it', () => {
    const res = scaffold('widgets');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain("import { WidgetsModule } from '@tollgate/widgets';");
    expect(res.stdout).toContain('apps/api/api.module.ts');
    const expected = [
      'dto/id-param.dto.ts',
      'dto/list-widgets-query.dto.ts',
      'dto/widget-body.dto.ts',
      'dto/widget.dto.ts',
      'dto/widget-page.dto.ts',
      'index.ts',
      'widget.schema.ts',
      'widget.types.ts',
      'widgets.controller.ts',
      'widgets.module.ts',
      'widgets.repository.ts',
      'widgets.service.ts',
    ];
    for (const file of expected) expect(existsSync(join(dir, 'libs/widgets', file)), file).toBe(true);
    expect(existsSync(join(dir, 'test/widgets.e2e-spec.ts'))).toBe(true);
    const again = scaffold('widgets');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('libs/widgets already exists');
  });

  it('generates code that typechecks', async () => {
    expect(existsSync(join(dir, 'libs/widgets'))).toBe(true);
    writeFileSync(
      join(dir, 'tsconfig.scaffold.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        include: ['libs/widgets', 'test/widgets.e2e-spec.ts', 'test/support/global-setup.ts'],
      }),
    );
    const tsc = await run(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.scaffold.json'],
      { cwd: dir, timeout: 110_000 },
    ).catch((err) => err);
    expect(tsc.code ?? 0, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  }, 120_000);

  it("passes the generated module's own end-to-end test against the real services", async () => {
    const { redisUrl, mongoUrl, mongoServer } = inject('services');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      MONGO_SERVER: mongoServer,
      NO_COLOR: '1',
    };
    const result = await run(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e', 'test/widgets.e2e-spec.ts'],
      { cwd: dir, env, timeout: 60_000 },
    ).catch((err) => err);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code ?? 0, output).toBe(0);
    expect(output).toMatch(/Tests\s+6 passed \(6\)/);
  });

  it('is covered by the route-walk attack test once registered, with no edit to that test', async () => {
    // Register the module the way the scaffold tells a team to (one import, one entry in imports).
    const moduleFile = join(dir, 'apps/api/api.module.ts');
    const source = readFileSync(moduleFile, 'utf8');
    writeFileSync(
      moduleFile,
      `import { WidgetsModule } from '@tollgate/widgets';\n${source.replace('        CompaniesModule,\n', '        CompaniesModule,\n        WidgetsModule,\n')}`,
    );
    const { redisUrl, mongoUrl, mongoServer } = inject('services');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      MONGO_SERVER: mongoServer,
      NO_COLOR: '1',
      ROUTE_WALK_EXPECT: '/api/v1/widgets/:id',
    };
    const args = [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'e2e',
      'test/security/access-control.e2e-spec.ts',
      '-t',
      'every registered route',
    ];
    const result = await run(process.execPath, args, { cwd: dir, env, timeout: 120_000 }).catch((err) => err);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code ?? 0, output).toBe(0);
    expect(output).toMatch(/Tests\s+7 passed/);
  }, 150_000);

  it('is in the OpenAPI document once registered, with no edit there: its scopes, summaries and schemas (Redocly 0 errors)', async () => {
    // Registered by the previous test.
    expect(readFileSync(join(dir, 'apps/api/api.module.ts'), 'utf8')).toContain('WidgetsModule,');
    const { redisUrl, mongoUrl, mongoServer } = inject('services');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      MONGO_SERVER: mongoServer,
      NO_COLOR: '1',
      OPENAPI_EXPECT_SCOPES: 'widgets:read,widgets:write',
    };
    const result = await run(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e', 'test/openapi.e2e-spec.ts'],
      { cwd: dir, env, timeout: 120_000 },
    ).catch((err) => err);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.code ?? 0, output).toBe(0);
    expect(output).toMatch(/Tests\s+10 passed \(10\)/);
  }, 150_000);
});
