import { Injectable } from '@nestjs/common';
import { InjectCommander } from 'nest-commander';
import { EXIT } from './cli.errors';

/** The part of commander's `Command` this service touches (nest-commander bundles its own commander). */
interface CommandNode {
  readonly commands: readonly CommandNode[];
  name(name: string): CommandNode;
  description(text: string): CommandNode;
  addHelpText(position: 'after', text: string): CommandNode;
  exitOverride(): CommandNode;
  allowExcessArguments(allow: boolean): CommandNode;
}

const EXIT_CODES = `
Output: tables for people; --json prints one JSON document for scripts.
Exit codes: ${EXIT.ok} ok, ${EXIT.failed} failed, ${EXIT.usage} bad command line or invalid input, ${EXIT.notFound} not found,
${EXIT.conflict} conflict (e.g. name taken), ${EXIT.unavailable} configuration invalid or Mongo/Redis unreachable.
Configuration: the API's environment (MONGO_URL, REDIS_URL, REDIS_PREFIX, SECRET_PEPPER, ...). With neither
MONGO_URL nor REDIS_URL set, the settings of the local stack (\`npm run stack\`) are found by themselves.`;

/**
 * Finishes the command tree nest-commander built: every command reports errors by throwing (main.ts
 * prints one line and picks the exit code) instead of calling process.exit, and a leaf command
 * refuses extra arguments.
 */
@Injectable()
export class CommandLineService {
  constructor(@InjectCommander() private readonly program: CommandNode) {}

  configure(): void {
    this.program
      .name('tollgate')
      .description(
        'Tollgate operator CLI: accounts, secrets, tokens, lockouts, usage, alerts, operators and the audit log.',
      )
      .addHelpText('after', EXIT_CODES);
    const visit = (command: CommandNode) => {
      command.exitOverride();
      if (!command.commands.length) command.allowExcessArguments(false);
      command.commands.forEach(visit);
    };
    visit(this.program);
  }
}
