import 'reflect-metadata';
import { describeFailure, EXIT } from './cli.errors';
import { processIo } from './cli-io';
import { runCli } from './cli.runner';

/**
 * `npm run cli -- <command>` (or `node dist/apps/cli/main.js <command>`): the operator CLI (see
 * runCli) on this process's streams. The process exits as soon as the command is done.
 */
const fail = (line: string) => process.stderr.write(`tollgate: ${line}\n`);
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

// Node's process warnings (a dependency's deprecation notices) are for developers; on an operator's
// stderr they would break the one-line-per-failure contract.
process.removeAllListeners('warning');
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err) => {
    fail(describeFailure(err).line ?? 'failed');
    process.exit(EXIT.failed);
  });
}

runCli(process.argv.slice(2), processIo()).then(exit, (err) => {
  fail(describeFailure(err).line ?? 'failed');
  exit(EXIT.failed);
});
