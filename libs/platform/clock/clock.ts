import { Injectable } from '@nestjs/common';

/**
 * The product's one clock. Throttling periods, usage days and quota periods are decided inside Redis
 * scripts from Redis `TIME` plus `offsetMs`, so every API host agrees whatever its own clock says;
 * code outside scripts (token expiry, report ranges) uses `now()`, which applies the same offset.
 *
 * `offsetMs` is 0 in production. Tests move time by setting it (`advance`) on every process they run
 * (for child processes through `CLOCK_OFFSET_MS`).
 */
@Injectable()
export class Clock {
  // Honoured outside production only: a moved clock in production would corrupt periods and days.
  private offset = process.env.NODE_ENV === 'production' ? 0 : Number(process.env.CLOCK_OFFSET_MS ?? 0) || 0;

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
