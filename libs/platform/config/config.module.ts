import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { TollgateConfig } from './config.types';

/** Injection token of the validated `TollgateConfig`. */
export const TOLLGATE_CONFIG = Symbol('TOLLGATE_CONFIG');

/**
 * Makes the config validated in `main.ts` (or built by a test) injectable everywhere, as the typed
 * `TOLLGATE_CONFIG` and through `@nestjs/config`'s `ConfigService` (`get('tollgate')`) for modules
 * that teams add. Validation happens before Nest boots so a bad variable stops the process with one
 * line, not a stack trace.
 */
@Global()
@Module({})
export class TollgateConfigModule {
  static forRoot(config: TollgateConfig): DynamicModule {
    return {
      module: TollgateConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ tollgate: config })] })],
      providers: [{ provide: TOLLGATE_CONFIG, useValue: config }],
      exports: [TOLLGATE_CONFIG, ConfigModule],
    };
  }
}
