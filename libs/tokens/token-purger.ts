import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { TokensRepository } from './tokens.repository';

/**
 * Expired and revoked tokens are refused in code the moment they end (FerretDB has no TTL indexes,
 * and expiry must be exact anyway); their records are kept for `tokenRetentionDays` for audit and
 * introspection, then deleted here. Runs in the worker; several workers purging at once is harmless.
 */
@Injectable()
export class TokenPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TokenPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly tokens: TokensRepository,
    private readonly clock: Clock,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () =>
        void this.purge().catch((err: Error) =>
          this.logger.warn({ err: err.message }, 'token purge failed; will retry'),
        ),
      this.config.tokenPurgeIntervalMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes tokens that ended (expired or revoked) more than the retention period ago. */
  async purge(): Promise<number> {
    const before = new Date(this.clock.now() - this.config.tokenRetentionDays * 86_400_000);
    const deleted = await this.tokens.deleteEndedBefore(before);
    if (deleted) this.logger.log({ deleted, before: before.toISOString() }, 'ended tokens purged');
    return deleted;
  }
}
