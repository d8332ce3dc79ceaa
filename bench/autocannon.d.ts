/**
 * The part of autocannon 9's API the bench uses. autocannon ships no types and @types/autocannon
 * describes version 7, so rather than add a dependency for five fields we declare them here.
 */
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    interface Options {
      url: string;
      connections?: number;
      pipelining?: number;
      /** Seconds. */
      duration?: number;
      /** Stop after this many requests instead of after `duration`. */
      amount?: number;
      /** Seconds without an answer before a request counts as a timeout. */
      timeout?: number;
      headers?: Record<string, string>;
      method?: string;
      body?: string;
      /** Sent in turn by every connection. */
      requests?: Request[];
    }
    interface Histogram {
      average: number;
      p50: number;
      p90: number;
      p99: number;
      max: number;
    }
    interface Result {
      /** Seconds, as measured. */
      duration: number;
      '2xx': number;
      non2xx: number;
      errors: number;
      timeouts: number;
      /** Milliseconds. */
      latency: Histogram;
      requests: Histogram & { total: number; sent: number };
      statusCodeStats: Record<string, { count: number }>;
    }
  }
  /** The running instance: an event emitter ('response' once per answer, 'reqError' per failed request). */
  interface Instance {
    on(event: 'response' | 'reqError', listener: () => void): Instance;
  }
  function autocannon(
    options: autocannon.Options,
    done: (err: Error | null, result: autocannon.Result) => void,
  ): Instance;
  export = autocannon;
}
