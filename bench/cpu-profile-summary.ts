import { readFileSync } from 'node:fs';

/**
 * Where a server's CPU went, from a V8 CPU profile (`BENCH_NODE_OPTIONS='--cpu-prof
 * --cpu-prof-dir=<dir>' npm run bench`, one profile per server process, written when it stops):
 *
 *   node .local/bench/dist/bench/cpu-profile-summary.js <file.cpuprofile> [top]
 *
 * Prints the functions with the most self time, then inclusive time by package (node_modules) or
 * Tollgate lib, and by a few named stages of the request path, as shares of the profile's samples.
 * Start-up is in the profile too; under load it is a small part.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Stages of a request, by a function on the stack (first match from the leaf wins). */
const STAGES: [string, (f: CallFrame) => boolean][] = [
  ['admission script call (ioredis send + parse)', (f) => /access-scripts/.test(f.url) && f.functionName === 'admit'],
  ['bearer: passport authenticate', (f) => /passport/.test(f.url) && /authenticate/.test(f.functionName)],
  ['access guard', (f) => /access\.guard/.test(f.url)],
  ['throttle guard', (f) => /throttle\.guard/.test(f.url)],
  ['representation interceptor', (f) => /representation/.test(f.url)],
  ['metrics (prom-client)', (f) => /prom-client/.test(f.url)],
  ['logging (pino)', (f) => /pino/.test(f.url)],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['idle', (f) => f.functionName === '(idle)'],
];

function where(f: CallFrame): string {
  const u = f.url;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (nm) return nm[1];
  const lib = /\/dist\/(libs|apps|bench)\/([^/]+)/.exec(u);
  if (lib) return `${lib[1]}/${lib[2]}`;
  if (u.startsWith('node:')) return u;
  return u ? 'other' : f.functionName;
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: cpu-profile-summary <file.cpuprofile> [top]\n');
  process.exit(2);
}
const top = Number(process.argv[3] ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
const busy =
  total -
  [...selfTime].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((s, [, t]) => s + t, 0);

const bySelf = new Map<string, number>();
const byPlace = new Map<string, number>();
const byStage = new Map<string, number>();
for (const [id, t] of selfTime) {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${where(f)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
  bySelf.set(key, (bySelf.get(key) ?? 0) + t);
  const places = new Set<string>();
  let stage: string | undefined;
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const frame = byId.get(cur)!.callFrame;
    places.add(where(frame));
    stage ??= STAGES.find(([, test]) => test(frame))?.[0];
  }
  for (const p of places) byPlace.set(p, (byPlace.get(p) ?? 0) + t);
  const s = stage ?? 'other';
  byStage.set(s, (byStage.get(s) ?? 0) + t);
}

const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
const list = (m: Map<string, number>, n: number) =>
  [...m]
    .filter(([k]) => k !== '(idle)' && k !== 'idle')
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, t]) => `${pct(t)}  ${k}`)
    .join('\n');
process.stdout.write(
  `${file}: ${(busy / 1e6).toFixed(2)} s busy of ${(total / 1e6).toFixed(2)} s sampled (shares of busy time)\n\n` +
    `self time, top ${top}:\n${list(bySelf, top)}\n\ninclusive, by package or lib:\n${list(byPlace, 25)}\n\n` +
    `inclusive, by stage (first named frame from the leaf):\n${list(byStage, STAGES.length + 1)}\n`,
);
