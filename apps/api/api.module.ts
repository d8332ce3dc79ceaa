import { DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from '@tollgate/alerts';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import type { TollgateConfig } from '@tollgate/config';
import { CorsModule } from '@tollgate/cors';
import { CredentialsModule } from '@tollgate/credentials';
import { DataModule } from '@tollgate/data';
import { MetricsService } from '@tollgate/metrics';
import { QueueDashboardModule } from '@tollgate/queue-dashboard';
import { RepresentationInterceptor } from '@tollgate/representation';
import { ThrottleGuard, ThrottlingModule } from '@tollgate/throttling';
import { BearerAuthGuard, TokensModule } from '@tollgate/tokens';
import { UsageModule } from '@tollgate/usage';
import { DomainExceptionFilter } from '@tollgate/http-errors';
import { PlatformModule } from '@tollgate/runtime';

export interface ApiModuleOptions {
  /** Where logs go (tests capture them); stdout when absent. */
  logDestination?: DestinationStream;
  /** Extra Nest modules to mount, e.g. a team's own data module. */
  imports?: DynamicModule['imports'];
}

/**
 * The HTTP process: wiring only. Every `/api/v1` route passes the bearer guard, then the throttle
 * guard (in this order), and its response goes through the one JSON/XML serializer.
 */
@Module({})
export class ApiModule {
  static forRoot(config: TollgateConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, { logDestination: options.logDestination }),
        CredentialsModule,
        TokensModule,
        ThrottlingModule,
        UsageModule,
        AlertsModule,
        CorsModule,
        DataModule,
        QueueDashboardModule,
        ...(options.imports ?? []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_GUARD, useClass: ThrottleGuard },
        { provide: APP_INTERCEPTOR, useClass: RepresentationInterceptor },
        { provide: APP_FILTER, inject: [MetricsService], useFactory: (metrics: MetricsService) => new DomainExceptionFilter('tollgate', metrics) },
      ],
    };
  }
}
