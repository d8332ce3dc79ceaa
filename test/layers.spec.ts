import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The direction rule of the house (docs/architecture.md), checked on the import graph of the code as
 * it is: platform imports only platform; http imports platform and http; a product domain imports
 * platform, http and other domains; no lib imports an app; a lib reaches another only through its
 * import name (`@tollgate/<lib>`), never a file inside it; and no two libs import each other, directly
 * or around a loop.
 */

const ROOT = resolve(__dirname, '..');

type Layer = 'platform' | 'http' | 'domain' | 'app';
/** What each layer may import. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  platform: ['platform'],
  http: ['platform', 'http'],
  domain: ['platform', 'http', 'domain'],
  app: ['platform', 'http', 'domain', 'app'],
};
/** Kept for modules teams generated before; the code here uses the current names. */
const DEPRECATED_NAMES = ['@tollgate/representation'];

interface Unit {
  /** `platform/config`, `http`, `tokens`, `apps/api` */
  name: string;
  layer: Layer;
}

/** The lib or app a file belongs to, from where it stands. */
export function unitOf(file: string): Unit | undefined {
  const parts = relative(ROOT, file).split('/');
  if (parts[0] === 'apps') return { name: `apps/${parts[1]}`, layer: 'app' };
  if (parts[0] !== 'libs' || parts.length < 3) return undefined;
  if (parts[1] === 'platform') return { name: `platform/${parts[2]}`, layer: 'platform' };
  if (parts[1] === 'http') return { name: 'http', layer: 'http' };
  return { name: parts[1], layer: 'domain' };
}

export interface Arrow {
  from: string;
  specifier: string;
  to: string;
}

/** Every problem with the arrows, one line each (empty when the house holds). */
export function layerProblems(arrows: Arrow[]): string[] {
  const problems: string[] = [];
  const between = new Map<string, Set<string>>();
  for (const a of arrows) {
    const from = unitOf(a.from);
    const to = unitOf(a.to);
    if (!from || !to || from.name === to.name) continue;
    const where = `${relative(ROOT, a.from)} imports '${a.specifier}'`;
    if (!MAY_IMPORT[from.layer].includes(to.layer))
      problems.push(`${where}: ${from.layer} may not import ${to.layer} (${to.name})`);
    const byName = /^@tollgate\/[a-z-]+$/.test(a.specifier);
    if (!byName && !(from.layer === 'app' && to.layer === 'app'))
      problems.push(`${where}: another lib is imported by its name (@tollgate/...), not by path`);
    if (DEPRECATED_NAMES.includes(a.specifier))
      problems.push(`${where}: a deprecated name, kept for teams' modules only`);
    if (from.layer !== 'app') {
      if (!between.has(from.name)) between.set(from.name, new Set());
      between.get(from.name)!.add(to.name);
    }
  }
  // A loop between libs means a boundary is in the wrong place (Nest would need forwardRef).
  const state = new Map<string, 'open' | 'done'>();
  const visit = (lib: string, path: string[]): void => {
    if (state.get(lib) === 'done') return;
    if (state.get(lib) === 'open') {
      problems.push(`libs import each other in a loop: ${[...path.slice(path.indexOf(lib)), lib].join(' -> ')}`);
      return;
    }
    state.set(lib, 'open');
    for (const next of between.get(lib) ?? []) visit(next, [...path, lib]);
    state.set(lib, 'done');
  };
  for (const lib of between.keys()) visit(lib, []);
  return problems;
}

const compilerOptions = (): ts.CompilerOptions => {
  const read = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT).options;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every import and re-export of every file under libs/ and apps/, resolved as the compiler does. */
function importGraph(): { arrows: Arrow[]; unresolved: string[] } {
  const options = compilerOptions();
  const arrows: Arrow[] = [];
  const unresolved: string[] = [];
  for (const file of [...sourceFiles(join(ROOT, 'libs')), ...sourceFiles(join(ROOT, 'apps'))]) {
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!specifier.startsWith('.') && !specifier.startsWith('@tollgate/')) continue;
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (!resolved) unresolved.push(`${relative(ROOT, file)}: '${specifier}'`);
      else arrows.push({ from: file, specifier, to: resolve(resolved) });
    }
  }
  return { arrows, unresolved };
}

describe('the layers of libs/', () => {
  const graph = importGraph();

  it('hold on the code: platform imports no http or domain, http no domain, libs no app, no deep imports, no loops', () => {
    expect(graph.arrows.length).toBeGreaterThan(300);
    expect(graph.unresolved).toEqual([]);
    expect(layerProblems(graph.arrows)).toEqual([]);
  });

  it('name a wrong arrow, a deep import and a loop when there is one', () => {
    const lib = (path: string) => join(ROOT, 'libs', path);
    const problems = layerProblems([
      {
        from: lib('platform/metrics/metrics.module.ts'),
        specifier: '@tollgate/credentials',
        to: lib('credentials/index.ts'),
      },
      { from: lib('http/access/access.guard.ts'), specifier: '@tollgate/credentials', to: lib('credentials/index.ts') },
      {
        from: lib('usage/usage.service.ts'),
        specifier: '../tokens/tokens.service',
        to: lib('tokens/tokens.service.ts'),
      },
      { from: lib('tokens/tokens.service.ts'), specifier: '@tollgate/usage', to: lib('usage/index.ts') },
      { from: lib('usage/usage.module.ts'), specifier: '@tollgate/representation', to: lib('http/index.ts') },
    ]);
    expect(problems).toEqual([
      "libs/platform/metrics/metrics.module.ts imports '@tollgate/credentials': platform may not import domain (credentials)",
      "libs/http/access/access.guard.ts imports '@tollgate/credentials': http may not import domain (credentials)",
      "libs/usage/usage.service.ts imports '../tokens/tokens.service': another lib is imported by its name (@tollgate/...), not by path",
      "libs/usage/usage.module.ts imports '@tollgate/representation': a deprecated name, kept for teams' modules only",
      'libs import each other in a loop: usage -> tokens -> usage',
    ]);
  });

  it('resolve the same way in the build as in the compiler and the tests', () => {
    const swc = JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8')).jsc.paths;
    const tsPaths = Object.fromEntries(
      Object.entries(compilerOptions().paths ?? {}).filter(([name]) => name.startsWith('@tollgate/')),
    );
    expect(swc).toEqual(tsPaths);
    for (const [name, [target]] of Object.entries(tsPaths)) {
      if (!name.includes('*')) expect(existsSync(join(ROOT, target)), `${name} -> ${target}`).toBe(true);
    }
    // Every lib folder has its face: an index.ts that the import name reaches.
    const libs = readdirSync(join(ROOT, 'libs')).flatMap((d) =>
      d === 'platform' ? readdirSync(join(ROOT, 'libs/platform')).map((p) => `platform/${p}`) : [d],
    );
    for (const lib of libs) expect(existsSync(join(ROOT, 'libs', lib, 'index.ts')), `libs/${lib}/index.ts`).toBe(true);
  });
});
