import { BENCH_LIMIT } from '../apps/limits-body';

/**
 * What every peer app is started with (by the bench, through the environment): its port, the shared
 * Redis, a key prefix under the bench's own (so the bench's clean-up finds the counters), and the
 * tokens it accepts. Tokens live in an in-process map, as a team that keeps them in memory (or in a
 * cache in front of its store) would have them: no lookup I/O per request, the same as Tollgate's
 * principal cache in steady state.
 */
export interface PeerPrincipal {
  accountId: string;
  tokenId: string;
}

export interface PeerEnv {
  port: number;
  redisUrl: string;
  /** Prefix of this peer's Redis keys, ending in `:`. */
  keyPrefix: string;
  tokens: Map<string, PeerPrincipal>;
  /** Limit and window of the measured route: never reached during a run (as Tollgate's bench token). */
  limit: number;
  windowS: number;
  /** Limit and window of the exactness route (`/burst`), which a burst of concurrent requests overruns. */
  burstLimit: number;
  burstWindowS: number;
}

/** The routes every peer serves: no auth and no limiter; bearer + limiter; the same with a small limit. */
export const PEER_BARE_ROUTE = '/bare';
export const PEER_ROUTE = '/limits';
export const PEER_BURST_ROUTE = '/burst';

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (peers are started by the bench)`);
  return v;
}

export function peerEnv(name: string): PeerEnv {
  const tokens = JSON.parse(required('PEER_TOKENS')) as (PeerPrincipal & { token: string })[];
  return {
    port: Number(required('PORT')),
    redisUrl: required('REDIS_URL'),
    keyPrefix: `${required('REDIS_PREFIX')}:peer:${name}:`,
    tokens: new Map(tokens.map(({ token, ...p }) => [token, p])),
    limit: BENCH_LIMIT,
    windowS: 86_400,
    burstLimit: Number(required('PEER_BURST_LIMIT')),
    burstWindowS: 60,
  };
}

/**
 * Start, announce readiness on stderr (the bench waits for that line), and on SIGTERM close and
 * exit 0, so that a `--cpu-prof` in BENCH_NODE_OPTIONS gets its profile written.
 */
export function runPeer(name: string, start: (env: PeerEnv) => Promise<{ close(): Promise<unknown> | unknown }>): void {
  const env = peerEnv(name);
  start(env).then(
    (app) => {
      process.stderr.write(`peer ${name}: listening on 127.0.0.1:${env.port}\n`);
      const stop = () => {
        void Promise.resolve(app.close()).finally(() => process.exit(0));
        setTimeout(() => process.exit(0), 5000).unref();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err: unknown) => {
      process.stderr.write(`peer ${name}: failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
