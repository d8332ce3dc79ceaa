import autocannon from 'autocannon';

/**
 * The load generator, in its own process (forked by the bench) so that generating load never
 * competes with the server under test for the same event loop. It receives a job over IPC, runs
 * one autocannon instance per target at the same time, and answers with a summary of each.
 */

export interface LoadTarget {
  url: string;
  connections: number;
  /** Seconds; or `amount` requests in total. */
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  /** Each connection cycles through these (e.g. one per token, to spread load over accounts). */
  requests?: { headers: Record<string, string>; method?: 'GET' | 'POST'; body?: string; path?: string }[];
}

export interface LoadSummary {
  durationS: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  /** 2xx responses per second over the measured duration. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadJob {
  id: number;
  targets: LoadTarget[];
}

export type LoadAnswer = { id: number; results: LoadSummary[] } | { id: number; error: string };

function run(target: LoadTarget): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    // autocannon notices that `amount` requests are done only at its next one-second sample, so its
    // own duration of such a run is rounded up to whole seconds (1,000 tokens in 1.3 s read as 500/s):
    // the run ends at its last response.
    const startedAt = performance.now();
    let lastResponseAt = startedAt;
    const instance = autocannon(
      {
        url: target.url,
        connections: target.connections,
        pipelining: 1,
        timeout: 10,
        // autocannon rejects keys that are present but undefined.
        ...(target.amount !== undefined ? { amount: target.amount } : { duration: target.duration }),
        ...(target.headers ? { headers: target.headers } : {}),
        ...(target.method ? { method: target.method } : {}),
        ...(target.body !== undefined ? { body: target.body } : {}),
        ...(target.requests ? { requests: target.requests } : {}),
      },
      (err, r) => {
        if (err) return reject(err);
        const statusCounts = Object.fromEntries(
          Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
        );
        const durationS = target.amount !== undefined ? (lastResponseAt - startedAt) / 1000 : r.duration;
        resolve({
          durationS,
          ok: r['2xx'],
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          statusCounts,
          rps: durationS > 0 ? r['2xx'] / durationS : 0,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          maxMs: r.latency.max,
        });
      },
    );
    if (target.amount !== undefined) {
      // A request that failed (timeout, connection error) is not sent again once the amount is out:
      // its failure ends the run as an answer would.
      const answered = () => (lastResponseAt = performance.now());
      instance.on('response', answered).on('reqError', answered);
    }
  });
}

process.on('message', (job: LoadJob) => {
  Promise.all(job.targets.map(run)).then(
    (results) => process.send!({ id: job.id, results } satisfies LoadAnswer),
    (err: unknown) => process.send!({ id: job.id, error: String((err as Error)?.message ?? err) } satisfies LoadAnswer),
  );
});
// The bench went away (crash, Ctrl-C): do not linger.
process.on('disconnect', () => process.exit(0));
