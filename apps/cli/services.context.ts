import { Injectable, type INestApplicationContext, OnApplicationShutdown, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { LogLevel, TollgateConfig } from '@tollgate/config';
import { StartupError, startUp } from '@tollgate/runtime';
import { CliError, EXIT } from './cli.errors';
import { currentIo } from './cli-io';
import { CliServicesModule } from './cli-services.module';
import { localStackSettings } from './local-stack';

const VERBOSITY: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * Boots the lib services on the first command that needs them, so `--help`, an unknown command, a
 * bad flag or invalid input fail at once without configuration or a database. Start-up is the API's
 * own (`startUp`): configuration checked (one line naming every bad variable), then a bounded wait
 * for Mongo and Redis as configured (one line naming the one that is down). With no MONGO_URL or REDIS_URL set, the local
 * stack's recorded settings are used (see local-stack.ts). Closed with the CLI's own Nest context.
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
    const io = currentIo();
    const local = localStackSettings(io.env, io.cwd);
    if (local.missing) throw new CliError(local.missing, EXIT.unavailable);
    let config: TollgateConfig;
    try {
      config = quiet(
        await startUp('cli', {
          env: local.env,
          localDir: local.localDir,
          announce: (line) => io.stderr.write(`tollgate: ${line}\n`),
        }),
      );
    } catch (err) {
      const reason = err instanceof StartupError ? err.message : 'cannot start';
      // Settings the stack recorded but whose servers are gone: say where they came from and what to do.
      const unreachable = local.source && err instanceof StartupError && err.message.startsWith('cannot reach');
      throw new CliError(
        unreachable
          ? `${reason} (settings from ${local.source}: is the stack running? start it with \`npm run stack\`)`
          : reason,
        EXIT.unavailable,
      );
    }
    try {
      const context = await NestFactory.createApplicationContext(CliServicesModule.forRoot(config, io.stderr), {
        bufferLogs: true,
        abortOnError: false,
      });
      context.useLogger(context.get(Logger));
      return context;
    } catch (err) {
      // Nest's messages run over several lines (hints, links): the first one names the problem.
      throw new CliError(
        `failed to start: ${String((err as Error)?.message ?? 'unknown error').split('\n')[0]}`,
        EXIT.unavailable,
      );
    }
  }
}

/** The API's configuration, with logs at warn or quieter: an operator's terminal is not a log pipeline. */
function quiet(config: TollgateConfig): TollgateConfig {
  const quietest = Math.max(VERBOSITY.indexOf(config.logLevel), VERBOSITY.indexOf('warn'));
  return { ...config, logLevel: VERBOSITY[quietest] };
}
