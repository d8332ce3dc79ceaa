import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AllowedOriginsRepository } from './allowed-origins.repository';

const REFRESH_MS = 30_000;
/** A preflight from an origin we do not know may trigger one refresh, at most this often. */
const MISS_REFRESH_MS = 2_000;

/**
 * Every origin some active account allows, held in memory: a preflight carries no token, so it can
 * only be answered from the union of all accounts' origins, and reading Mongo per preflight would
 * break the request path's zero-Mongo budget. Refreshed every 30 s; an unknown origin may also
 * trigger a refresh (single-flight, at most one per 2 s) so that an origin an operator just added
 * works without a 30 s wait, while a flood of foreign origins costs at most one query per 2 s.
 */
@Injectable()
export class AllowedOriginsCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AllowedOriginsCache.name);
  private origins = new Set<string>();
  private loadedAt = 0;
  private inflight?: Promise<void>;
  private timer?: NodeJS.Timeout;

  constructor(private readonly repository: AllowedOriginsRepository) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** From memory only. */
  has(origin: string): boolean {
    return this.origins.has(origin);
  }

  /** From memory; on a miss, after at most one (shared, rate-limited) refresh. */
  async hasFresh(origin: string): Promise<boolean> {
    if (this.origins.has(origin)) return true;
    if (Date.now() - this.loadedAt >= MISS_REFRESH_MS) await this.refresh();
    return this.origins.has(origin);
  }

  /** Reloads now (single-flight). A failed load keeps the previous set: CORS degrades, requests do not fail. */
  refresh(): Promise<void> {
    this.inflight ??= this.repository
      .allActiveOrigins()
      .then((origins) => {
        this.origins = origins;
      })
      .catch((err: unknown) => {
        this.logger.warn({ err: (err as Error)?.message }, 'allowed origins not refreshed; keeping the previous set');
      })
      .finally(() => {
        this.loadedAt = Date.now();
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
