/**
 * Group commit: writes that arrive while one batch is in flight are coalesced into the next batch,
 * so under load N concurrent writers cost one store round trip instead of N, and an idle writer adds
 * no delay (its batch of one leaves at once). `write` takes the batch and returns, per item, nothing
 * (stored) or the error that item failed with.
 */
export class GroupCommit<T> {
  private queue: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<(unknown | undefined)[]>,
    private readonly maxBatch = 256,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let writers of the same tick join the first batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      let errors: (unknown | undefined)[];
      try {
        errors = await this.write(batch.map((b) => b.item));
      } catch (err) {
        errors = batch.map(() => err);
      }
      batch.forEach((b, i) => (errors[i] === undefined ? b.resolve() : b.reject(errors[i])));
    }
    this.flushing = false;
  }
}
