import { DynamicModule, Module } from '@nestjs/common';
import { AlertsHttpModule } from '@tollgate/alerts';
import { AuditHttpModule } from '@tollgate/audit';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import type { TollgateConfig } from '@tollgate/config';
import { CorsModule } from '@tollgate/cors';
import { CredentialsHttpModule } from '@tollgate/credentials';
import { AccessGuard, DomainExceptionFilter, RepresentationInterceptor } from '@tollgate/http';
import { MetricsService } from '@tollgate/metrics';
import { OperatorConsoleModule } from '@tollgate/operator-console';
import { OperatorsHttpModule } from '@tollgate/operators';
import { OperationsHttpModule, QueueDashboardModule } from '@tollgate/operations';
import { CompaniesModule } from '@tollgate/companies';
import { ThrottleGuard, ThrottlingHttpModule } from '@tollgate/throttling';
import { TokensHttpModule } from '@tollgate/tokens';
import { UsageHttpModule } from '@tollgate/usage';
import { PlatformModule } from '@tollgate/runtime';

export interface ApiModuleOptions {
  /** Where logs go (tests capture them); stdout when absent. */
  logDestination?: DestinationStream;
  /** Extra Nest modules to mount, e.g. a team's own data module. */
  imports?: DynamicModule['imports'];
}

/**
 * The HTTP process: wiring only. Every route passes the access guard (closed by default: `@Public()`,
 * `@Operator()` or a bearer token, decided by the matched handler), then the throttle guard on bearer
 * routes (in this order); data API responses go through the one JSON/XML serializer.
 */
@Module({})
export class ApiModule {
  static forRoot(config: TollgateConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, { logDestination: options.logDestination }),
        CredentialsHttpModule,
        TokensHttpModule,
        ThrottlingHttpModule,
        UsageHttpModule,
        AlertsHttpModule,
        CorsModule,
        CompaniesModule,
        OperationsHttpModule,
        QueueDashboardModule,
        // Named operators (their authentication is the access guard's on operator routes), the audit
        // log (its interceptor records every @Audited route) and the console at /console.
        OperatorsHttpModule,
        AuditHttpModule,
        OperatorConsoleModule,
        ...(options.imports ?? []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ThrottleGuard },
        { provide: APP_INTERCEPTOR, useClass: RepresentationInterceptor },
        {
          provide: APP_FILTER,
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => new DomainExceptionFilter('tollgate', metrics),
        },
      ],
    };
  }
}
