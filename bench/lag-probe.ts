import { performance } from 'node:perf_hooks';
import type { StackClient } from './stack-client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Measures usage freshness: how long after a request was answered its transaction shows in the usage
 * report. A dedicated probe account (no other traffic) sends one request every `intervalMs`, strictly
 * one at a time, so its n-th 200 is the n-th transaction of that account. A poller reads the
 * account's total every `pollMs`; when it reaches n, that sample's lag is (poll answered) − (request
 * answered). The result is an upper bound: it includes up to one poll interval and the poll itself.
 *
 * Samples are taken only inside the measured window (`start` to `endWindow`); the probe keeps sending
 * while the last samples are awaited, so they measure a client whose traffic goes on, not the tail
 * after all traffic stops (the bench reports that separately as catch-up time).
 */
export class LagProbe {
  private answered = 0;
  private pending: { n: number; at: number }[] = [];
  private readonly lags: number[] = [];
  private sampling = true;
  private sending = true;
  private polling = true;
  private sender?: Promise<void>;
  private poller?: Promise<void>;
  private pollErrors = 0;

  constructor(
    private readonly client: StackClient,
    private readonly token: string,
    private readonly accountId: string,
    private readonly intervalMs = 50,
    private readonly pollMs = 50,
  ) {}

  start(): void {
    this.sender = this.send();
    this.poller = this.poll();
  }

  /** Ends the measured window: later answers still count towards the total but are not samples. */
  endWindow(): void {
    this.sampling = false;
  }

  /** Waits (bounded) for every sample to show up, stops, and returns the lags in ms. */
  async finish(timeoutMs: number): Promise<{ lagsMs: number[]; unseen: number; pollErrors: number }> {
    this.endWindow();
    const deadline = Date.now() + timeoutMs;
    while (this.pending.length && Date.now() < deadline) await sleep(this.pollMs);
    this.sending = false;
    this.polling = false;
    await Promise.all([this.sender, this.poller]);
    return { lagsMs: [...this.lags], unseen: this.pending.length, pollErrors: this.pollErrors };
  }

  private async send(): Promise<void> {
    while (this.sending) {
      const began = performance.now();
      const status = await this.client.getLimits(this.token).catch(() => 0);
      if (status === 200) {
        this.answered++;
        if (this.sampling) this.pending.push({ n: this.answered, at: performance.now() });
      }
      await sleep(Math.max(0, this.intervalMs - (performance.now() - began)));
    }
  }

  private async poll(): Promise<void> {
    while (this.polling) {
      try {
        const total = await this.client.usageTotal(this.accountId);
        const seenAt = performance.now();
        while (this.pending.length && this.pending[0].n <= total) this.lags.push(seenAt - this.pending.shift()!.at);
      } catch {
        this.pollErrors++;
      }
      await sleep(this.pollMs);
    }
  }
}
