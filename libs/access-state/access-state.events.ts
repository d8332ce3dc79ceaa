import { Injectable, Logger } from '@nestjs/common';

type Listener = (accountId: string) => void;

/**
 * What the access state tells the rest of the process: an account's Redis state was lost and rebuilt
 * (or its epoch changed under this process), and a security write that no replica acknowledged.
 * The principal cache empties itself on the first; metrics count both. A listener's failure never
 * reaches the request that triggered the event.
 */
@Injectable()
export class AccessStateEvents {
  private readonly logger = new Logger(AccessStateEvents.name);
  private readonly epochListeners: Listener[] = [];
  private readonly rebuildListeners: Listener[] = [];
  private readonly shortfallListeners: Listener[] = [];

  /** The account's state epoch changed: whatever this process derived from the old state is stale. */
  onEpochChange(listener: Listener): void {
    this.epochListeners.push(listener);
  }

  /** This process rebuilt an account's lost state from the record (one per detected loss). */
  onRebuilt(listener: Listener): void {
    this.rebuildListeners.push(listener);
  }

  /** A security write was not acknowledged by a replica in time. */
  onReplicaShortfall(listener: Listener): void {
    this.shortfallListeners.push(listener);
  }

  epochChanged(accountId: string): void {
    this.emit(this.epochListeners, accountId);
  }

  rebuilt(accountId: string): void {
    this.emit(this.rebuildListeners, accountId);
    this.emit(this.epochListeners, accountId);
  }

  replicaShortfall(accountId: string): void {
    this.emit(this.shortfallListeners, accountId);
  }

  private emit(listeners: Listener[], accountId: string): void {
    for (const l of listeners) {
      try {
        l(accountId);
      } catch (err) {
        this.logger.warn({ err: (err as Error)?.message }, 'access state listener failed');
      }
    }
  }
}
