import { Inject, Injectable, Optional } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';

/**
 * The product's one clock. Throttling periods, usage days and quota periods are decided inside Redis
 * scripts from Redis `TIME` plus `offsetMs`, so every API host agrees whatever its own clock says;
 * code outside scripts (token expiry, report ranges) uses `now()`, which applies the same offset.
 *
 * `offsetMs` is 0 in production. Tests move time by setting it (`advance`) on every process they run
 * (for child processes through the validated `CLOCK_OFFSET_MS`, which production ignores).
 */
@Injectable()
export class Clock {
  private offset: number;

  constructor(@Optional() @Inject(TOLLGATE_CONFIG) config?: Pick<TollgateConfig, 'clockOffsetMs'>) {
    this.offset = config?.clockOffsetMs ?? 0;
  }

  get offsetMs(): number {
    return this.offset;
  }

  now(): number {
    return Date.now() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  setOffset(ms: number): void {
    this.offset = ms;
  }
}
