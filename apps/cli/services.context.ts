import { Injectable, type INestApplicationContext, OnApplicationShutdown, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type LogLevel, type TollgateConfig } from '@tollgate/config';
import { DependencyUnavailableError, waitForDependencies } from '@tollgate/persistence';
import { CliError, EXIT } from './cli.errors';
import { CliServicesModule } from './cli-services.module';

const VERBOSITY: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * Boots the lib services on the first command that needs them, so `--help`, an unknown command, a
 * bad flag or invalid input fail at once without configuration or a database. Start-up follows the
 * API's: configuration checked (one line naming every bad variable), then a bounded wait for Mongo
 * and Redis (one line naming the one that is down). Closed with the CLI's own Nest context.
 */
@Injectable()
export class ServicesContext implements OnApplicationShutdown {
  private context?: Promise<INestApplicationContext>;

  async get<T>(service: Type<T>): Promise<T> {
    this.context ??= this.start();
    return (await this.context).get(service, { strict: false });
  }

  async onApplicationShutdown(): Promise<void> {
    const context = await this.context?.catch(() => undefined);
    await context?.close();
  }

  private async start(): Promise<INestApplicationContext> {
    const config = this.config();
    try {
      await waitForDependencies({ mongoUrl: config.mongoUrl, redisUrl: config.redisUrl, timeoutMs: config.startupTimeoutMs });
    } catch (err) {
      throw new CliError(err instanceof DependencyUnavailableError ? err.message : 'cannot reach dependencies', EXIT.unavailable);
    }
    try {
      const context = await NestFactory.createApplicationContext(CliServicesModule.forRoot(config), { bufferLogs: true, abortOnError: false });
      context.useLogger(context.get(Logger));
      return context;
    } catch (err) {
      // Nest's messages run over several lines (hints, links): the first one names the problem.
      throw new CliError(`failed to start: ${String((err as Error)?.message ?? 'unknown error').split('\n')[0]}`, EXIT.unavailable);
    }
  }

  /** The API's configuration, with logs at warn or quieter: an operator's terminal is not a log pipeline. */
  private config(): TollgateConfig {
    let config: TollgateConfig;
    try {
      config = loadConfig(process.env, 'cli', { announce: (line) => process.stderr.write(`tollgate: ${line}\n`) });
    } catch (err) {
      throw new CliError(err instanceof ConfigError ? err.message : 'cannot read configuration', EXIT.unavailable);
    }
    const quietest = Math.max(VERBOSITY.indexOf(config.logLevel), VERBOSITY.indexOf('warn'));
    return { ...config, logLevel: VERBOSITY[quietest] };
  }
}
