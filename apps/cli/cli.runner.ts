import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { describeFailure, EXIT } from './cli.errors';
import { type CliIo, withIo } from './cli-io';
import { CliModule } from './cli.module';
import { CommandLineService } from './command-line.service';

/** Closing waits at most this long, so a stuck socket cannot hang a script. */
const CLOSE_BUDGET_MS = 5_000;

/** Commander's own messages ("error: unknown option '--x'", "(Did you mean ...?)") as one line. */
const oneLine = (message: string) =>
  `tollgate: ${message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()}\n`;

/**
 * One run of the operator CLI: `argv` (without `node` and the script) parsed and run, everything it
 * prints written to `io`, and the exit code returned. Output on stdout (tables, or one JSON document
 * with --json); any failure is one line on stderr and a non-zero code, never a stack trace. `main.ts`
 * runs it with the process's own streams and exits with its code.
 */
export function runCli(argv: string[], io: CliIo): Promise<number> {
  return withIo(io, async () => {
    let exitCode: number = EXIT.ok;
    const fail = (line: string) => io.stderr.write(`tollgate: ${line}\n`);
    const app = await CommandFactory.createWithoutRunning(CliModule, {
      logger: false,
      abortOnError: false,
      outputConfiguration: {
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        outputError: (message) => io.stderr.write(oneLine(message)),
      },
      serviceErrorHandler: (err) => {
        const failure = describeFailure(err);
        if (failure.line) fail(failure.line);
        exitCode = failure.exitCode;
      },
    });
    try {
      app.get(CommandLineService).configure();
      await app.get(CommandRunnerService).run(['node', 'tollgate', ...argv]);
    } finally {
      // Closes the lib services too (Mongo, Redis, the queue), within the budget.
      await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_BUDGET_MS).unref())]);
    }
    return exitCode;
  });
}
