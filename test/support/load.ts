/** One request of a load run, and what came back. */
export interface Shot {
  url: string;
  headers: Record<string, string>;
  /** What the test counts it under (e.g. the account). */
  tag: string;
}

export interface Answer {
  tag: string;
  /** HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  /** When the answer arrived (epoch ms). */
  at: number;
}

/**
 * Sends `shots` with at most `concurrency` in flight, in order, and returns every answer. Bounded:
 * a fixed count of requests, each with a timeout (generous: an answer that never came leaves unknown
 * whether the request was admitted, so a busy machine must not turn slow answers into none). Raw fetch, not the contract-checking client: a
 * load run sends thousands of requests. `onAnswered` runs after each answer (e.g. to inject a fault
 * at a given point of the run).
 */
export async function fire(
  shots: Shot[],
  concurrency: number,
  onAnswered?: (answered: number) => void,
): Promise<Answer[]> {
  const answers: Answer[] = new Array(shots.length);
  let next = 0;
  let answered = 0;
  const lane = async () => {
    while (next < shots.length) {
      const i = next++;
      const shot = shots[i];
      let status = 0;
      try {
        const res = await fetch(shot.url, { headers: shot.headers, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      answers[i] = { tag: shot.tag, status, at: Date.now() };
      onAnswered?.(++answered);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, shots.length) }, lane));
  return answers;
}

/** Count of answers per tag with the given status. */
export function countBy(answers: Answer[], status: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of answers) if (a.status === status) out.set(a.tag, (out.get(a.tag) ?? 0) + 1);
  return out;
}

/** How many answers had each status, e.g. { 200: 2990, 503: 10 }. */
export function statuses(answers: Answer[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}
