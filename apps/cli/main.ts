import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { describeFailure, EXIT } from './cli.errors';
import { CliModule } from './cli.module';
import { CommandLineService } from './command-line.service';

/**
 * `npm run cli -- <command>` (or `node dist/apps/cli/main.js <command>`): the operator CLI. Output on
 * stdout (tables, or one JSON document with --json); any failure is one line on stderr and a
 * non-zero exit code, never a stack trace. The process exits as soon as the command is done.
 */
const CLOSE_BUDGET_MS = 5_000;

const fail = (line: string) => process.stderr.write(`tollgate: ${line}\n`);
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

/** Commander's own messages ("error: unknown option '--x'", "(Did you mean ...?)") as one line. */
const oneLine = (message: string) => `tollgate: ${message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()}\n`;

async function main(): Promise<number> {
  let exitCode: number = EXIT.ok;
  const app = await CommandFactory.createWithoutRunning(CliModule, {
    logger: false,
    abortOnError: false,
    outputConfiguration: { outputError: (message, write) => write(oneLine(message)) },
    serviceErrorHandler: (err) => {
      const failure = describeFailure(err);
      if (failure.line) fail(failure.line);
      exitCode = failure.exitCode;
    },
  });
  app.get(CommandLineService).configure();
  await CommandFactory.runApplication(app);
  // Closes the lib services too (Mongo, Redis, the queue); bounded so a stuck socket cannot hang a script.
  await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_BUDGET_MS).unref())]);
  return exitCode;
}

// Node's process warnings (a dependency's deprecation notices) are for developers; on an operator's
// stderr they would break the one-line-per-failure contract.
process.removeAllListeners('warning');
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err) => {
    fail(describeFailure(err).line ?? 'failed');
    process.exit(EXIT.failed);
  });
}

main().then(exit, (err) => {
  fail(describeFailure(err).line ?? 'failed');
  exit(EXIT.failed);
});
