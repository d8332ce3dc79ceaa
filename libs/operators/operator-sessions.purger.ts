import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { OperatorSessionsService } from './operator-sessions.service';

const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Deletes expired console sessions in the worker. An expired session is refused the moment it
 * expires (expiry is checked in code; FerretDB has no TTL indexes); this only keeps abandoned ones
 * from piling up in the store.
 */
@Injectable()
export class OperatorSessionsPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OperatorSessionsPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: OperatorSessionsService,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role !== 'worker') return;
    this.timer = setInterval(
      () =>
        void this.purge().catch((err: Error) =>
          this.logger.warn({ err: err.message }, 'session purge failed; will retry'),
        ),
      PURGE_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    const deleted = await this.sessions.purgeExpired();
    if (deleted) this.logger.log({ deleted }, 'expired console sessions deleted');
    return deleted;
  }
}
