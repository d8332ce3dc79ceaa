import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { AuditRepository } from './audit.repository';

/** Retention is counted in days: checking every hour keeps an entry at most an hour past it. */
const PURGE_INTERVAL_MS = 3_600_000;

/**
 * The one way entries leave the audit log: the worker deletes those older than
 * `AUDIT_RETENTION_DAYS` (400 by default). Several workers purging at once is harmless.
 */
@Injectable()
export class AuditPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly entries: AuditRepository,
    private readonly clock: Clock,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = () =>
      void this.purge().catch((err: Error) => this.logger.warn({ err: err.message }, 'audit purge failed; will retry'));
    this.timer = setInterval(run, PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    const before = new Date(this.clock.now() - this.config.auditRetentionDays * 86_400_000);
    const deleted = await this.entries.deleteOlderThan(before);
    if (deleted) this.logger.log({ deleted, before: before.toISOString() }, 'audit entries past retention purged');
    return deleted;
  }
}
