import { randomBytes } from 'node:crypto';
import { settings } from './bench-settings';
import { fixed, int, percentile, type Row } from './bench-report';
import type { LoadClient } from './load-client';
import type { LoadTarget } from './load-generator';
import { PEER_BARE_ROUTE, PEER_BURST_ROUTE, PEER_ROUTE } from './peers/peer-env';
import { type Server, type PeerToken, bearer, startPeer } from './stack';
import { SCRIPT_COMMANDS, type AppThroughput, type ThroughputTarget } from './throughput-phase';

/**
 * The peer comparison (issue 17): what a Node team would pick instead of Tollgate, measured in the
 * same run, one target at a time, each stack's protected route beside its own bare route so that
 * what the auth and the limiter add is visible apart from what the framework costs.
 */

/** The peer stacks, by the file of their app in bench/peers. */
export const PEER_STACKS = [
  { key: 'express', label: 'Express 5 + passport-http-bearer + rate-limiter-flexible (Redis)' },
  { key: 'fastify', label: 'Fastify 5 + @fastify/bearer-auth + @fastify/rate-limit (Redis)' },
  { key: 'nest', label: 'Nest 12 (Fastify) + @nestjs/passport bearer + @nestjs/throttler (Redis storage)' },
] as const;

export type PeerKey = (typeof PEER_STACKS)[number]['key'];

/** A stack as the report shows it: its protected and bare throughput targets. */
export interface Stack {
  key: string;
  label: string;
  protectedTarget: string;
  bareTarget: string;
}

export interface RunningPeer {
  key: PeerKey;
  label: string;
  server: Server;
  /** The token of the throughput runs, and the one the exactness burst uses up. */
  token: PeerToken;
  burstToken: PeerToken;
}

const peerToken = (stack: string, name: string): PeerToken => ({
  token: randomBytes(32).toString('base64url'),
  accountId: `acc_${stack}`,
  tokenId: `tok_${stack}_${name}`,
});

/** Starts one process of each peer (in-process tokens: one for throughput, one for the burst). */
export async function startPeers(keys: readonly PeerKey[]): Promise<RunningPeer[]> {
  const peers: RunningPeer[] = [];
  for (const { key, label } of PEER_STACKS.filter((s) => keys.includes(s.key))) {
    const token = peerToken(key, 'load');
    const burstToken = peerToken(key, 'burst');
    peers.push({ key, label, server: await startPeer(key, `peer-${key}`, [token, burstToken]), token, burstToken });
  }
  return peers;
}

export function peerTargets(peers: RunningPeer[]): ThroughputTarget[] {
  return peers.flatMap((p) => [
    { name: p.key, server: p.server, url: `${p.server.url}${PEER_ROUTE}`, headers: bearer(p.token.token) },
    { name: `${p.key}-bare`, server: p.server, url: `${p.server.url}${PEER_BARE_ROUTE}`, headers: {} },
  ]);
}

/** A checked answer before any load: a run against a route that answers 401 would measure nothing. */
export async function checkPeers(peers: RunningPeer[]): Promise<void> {
  for (const p of peers) {
    for (const [path, headers, status] of [
      [PEER_ROUTE, bearer(p.token.token), 200],
      [PEER_ROUTE, bearer('x'.repeat(43)), 401],
      [PEER_BARE_ROUTE, {}, 200],
    ] as const) {
      const res = await fetch(`${p.server.url}${path}`, { headers });
      await res.arrayBuffer();
      if (res.status !== status) throw new Error(`peer ${p.key}: ${path} answered ${res.status}, expected ${status}`);
    }
  }
}

export interface AddedCost {
  /** Median over rounds of (protected - bare) in the same round; and each round's. */
  median: number;
  rounds: number[];
}

export interface StackCost {
  stack: Stack;
  protected: AppThroughput;
  bare: AppThroughput;
  /** Server CPU per request the auth and the limiter add (protected minus the stack's own bare route). */
  addedCpu: AddedCost;
  /** Redis commands per request outside scripts (inside them included), and script calls per request. */
  redisCommands: number;
  redisScripts: number;
}

function added(p: AppThroughput, b: AppThroughput): AddedCost {
  const rounds = p.rounds.map((r, i) => r.cpuUsPerRequest - b.rounds[i].cpuUsPerRequest);
  return { median: percentile(rounds, 50), rounds };
}

function commandsPerRequest(t: AppThroughput): { commands: number; scripts: number } {
  const med = (pick: (r: AppThroughput['rounds'][number]) => number) => percentile(t.rounds.map(pick), 50);
  const sum = (r: AppThroughput['rounds'][number], scripts: boolean) =>
    Object.entries(r.redisCommandsPerRequest).reduce(
      (s, [name, c]) => s + (SCRIPT_COMMANDS.has(name) === scripts ? c : 0),
      0,
    );
  return { commands: med((r) => sum(r, false)), scripts: med((r) => sum(r, true)) };
}

export function stackCosts(stacks: Stack[], apps: Map<string, AppThroughput>): StackCost[] {
  const out: StackCost[] = [];
  for (const stack of stacks) {
    const p = apps.get(stack.protectedTarget);
    const b = apps.get(stack.bareTarget);
    if (!p || !b) continue;
    const { commands, scripts } = commandsPerRequest(p);
    out.push({ stack, protected: p, bare: b, addedCpu: added(p, b), redisCommands: commands, redisScripts: scripts });
  }
  return out;
}

export interface PeerExactness {
  stack: PeerKey;
  limit: number;
  burst: number;
  processes: number;
  ok: number;
  beyondLimit: number;
  statusCounts: Record<string, number>;
  errors: number;
}

/**
 * Exactness of each peer, as phase 3 checks Tollgate's: `limit x factor` requests on one token, all
 * in flight at once, split between two processes of the peer sharing one Redis. At most `limit` 200s
 * may come back, whatever the interleaving (and a limiter that counts right admits exactly `limit`).
 */
export async function measurePeerExactness(load: LoadClient, peer: RunningPeer): Promise<PeerExactness> {
  const second = await startPeer(peer.key, `peer-${peer.key}-2`, [peer.token, peer.burstToken]);
  try {
    const limit = settings.burstLimit;
    const per = Math.ceil((limit * settings.burstFactor) / 2);
    const targets: LoadTarget[] = [peer.server, second].map((s) => ({
      url: `${s.url}${PEER_BURST_ROUTE}`,
      connections: per,
      amount: per,
      headers: bearer(peer.burstToken.token),
    }));
    const results = await load.run(targets);
    const statusCounts: Record<string, number> = {};
    for (const r of results)
      for (const [code, count] of Object.entries(r.statusCounts))
        statusCounts[code] = (statusCounts[code] ?? 0) + count;
    const ok = results.reduce((s, r) => s + r.ok, 0);
    return {
      stack: peer.key,
      limit,
      burst: per * 2,
      processes: 2,
      ok,
      beyondLimit: Math.max(0, ok - limit),
      statusCounts,
      errors: results.reduce((s, r) => s + r.errors + r.timeouts, 0),
    };
  } finally {
    await second.proc.stop();
  }
}

const us = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} us` : 'n/a');
const roundsOf = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');

/** The issue's targets, as ratios of this run's figures. */
export function targetRows(costs: StackCost[]): Row[] {
  const by = new Map(costs.map((c) => [c.stack.key, c]));
  const tg = by.get('tollgate');
  const fa = by.get('fastify');
  const nest = by.get('nest');
  const rows: Row[] = [];
  if (!tg) return rows;
  if (fa) {
    rows.push({
      section: 'P',
      measure: 'added server CPU/request (protected - own bare): Tollgate vs Fastify limiter',
      value: `${us(tg.addedCpu.median)} vs ${us(fa.addedCpu.median)}  (rounds ${roundsOf(tg.addedCpu.rounds)} vs ${roundsOf(fa.addedCpu.rounds)})`,
      target: 'Tollgate <= Fastify',
      met: tg.addedCpu.median <= fa.addedCpu.median,
    });
    const r = tg.protected.redisCpuUsPerRequest / fa.protected.redisCpuUsPerRequest;
    rows.push({
      section: 'P',
      measure: 'Redis CPU/request: Tollgate vs Fastify limiter',
      value: `${us(tg.protected.redisCpuUsPerRequest)} vs ${us(fa.protected.redisCpuUsPerRequest)} = ${fixed(r)}x  (rounds ${roundsOf(tg.protected.rounds.map((x) => x.redisCpuUsPerRequest))} vs ${roundsOf(fa.protected.rounds.map((x) => x.redisCpuUsPerRequest))})`,
      target: '<= 1.2x',
      met: r <= 1.2,
    });
  }
  const p99 = tg.protected.p99Ms;
  const bareP99 = tg.bare.p99Ms;
  rows.push({
    section: 'P',
    measure: `p99 at ${settings.connections} connections: Tollgate protected vs its bare route`,
    value: `${p99} ms vs ${bareP99} ms  (rounds ${tg.protected.rounds.map((r) => r.p99Ms).join(', ')} vs ${tg.bare.rounds.map((r) => r.p99Ms).join(', ')})`,
    target: '<= 1.5x bare, or bare + 1 ms',
    met: p99 <= Math.max(1.5 * bareP99, bareP99 + 1),
  });
  if (nest) {
    rows.push({
      section: 'P',
      measure: 'server CPU/request, default policy: Tollgate protected vs Nest stack',
      value: `${us(tg.protected.cpuUsPerRequest)} vs ${us(nest.protected.cpuUsPerRequest)}  (rounds ${roundsOf(tg.protected.rounds.map((x) => x.cpuUsPerRequest))} vs ${roundsOf(nest.protected.rounds.map((x) => x.cpuUsPerRequest))})`,
      target: 'Tollgate < Nest',
      met: tg.protected.cpuUsPerRequest < nest.protected.cpuUsPerRequest,
    });
  }
  const before = by.get('tollgate@before');
  if (before) {
    rows.push({
      section: 'P',
      measure: `added server CPU/request: this tree vs ${before.stack.label}`,
      value: `${us(tg.addedCpu.median)} vs ${us(before.addedCpu.median)}  (rounds ${roundsOf(tg.addedCpu.rounds)} vs ${roundsOf(before.addedCpu.rounds)}); Redis ${us(tg.protected.redisCpuUsPerRequest)} vs ${us(before.protected.redisCpuUsPerRequest)}`,
    });
  }
  return rows;
}

export function exactnessRows(results: PeerExactness[]): Row[] {
  return results.map((e) => ({
    section: 'P',
    measure: `${e.stack}: successes beyond limit ${e.limit}: ${int(e.burst)} concurrent requests, one token, ${e.processes} processes`,
    value: `${e.beyondLimit}  (${Object.entries(e.statusCounts)
      .map(([code, n]) => `${int(n)} x ${code}`)
      .join(', ')}${e.errors ? `, ${e.errors} errors` : ''})`,
    target: '0',
    met: e.beyondLimit === 0 && e.errors === 0,
  }));
}

/** One line per stack, protected then bare: the comparison table README shows. */
export function comparisonTable(costs: StackCost[]): string[][] {
  const header = [
    'target',
    'req/s',
    'p50 / p99 ms',
    'server CPU us/req',
    'added us/req',
    'Redis CPU us/req',
    'Redis cmds (scripts)/req',
    'load gen us/req',
  ];
  const rows: string[][] = [header];
  for (const c of costs) {
    for (const [which, t] of [
      ['protected', c.protected],
      ['bare', c.bare],
    ] as const) {
      rows.push([
        `${c.stack.label} ${which === 'bare' ? '(bare route)' : ''}`.trim(),
        int(t.rps),
        `${t.p50Ms} / ${t.p99Ms}`,
        fixed(t.cpuUsPerRequest, 1),
        which === 'protected' ? fixed(c.addedCpu.median, 1) : '',
        fixed(t.redisCpuUsPerRequest, 1),
        which === 'protected' ? `${fixed(c.redisCommands, 1)} (${fixed(c.redisScripts, 1)})` : '',
        fixed(t.loadCpuUsPerRequest, 1),
      ]);
    }
  }
  return rows;
}
