import { CommandRunner } from 'nest-commander';
import { CliError, EXIT } from '../cli.errors';

/**
 * `accounts`, `secrets`, `tokens`: only name their subcommands. nest-commander gives every command
 * an action, so a missing or unknown subcommand lands here and becomes a usage error.
 */
export abstract class CommandGroup extends CommandRunner {
  async run(args: string[]): Promise<void> {
    const name = this.command.name();
    const known = this.command.commands.map((c) => c.name()).join(', ');
    if (args.length)
      throw new CliError(`unknown command '${name} ${args[0]}' (${name} commands: ${known})`, EXIT.usage);
    throw new CliError(
      `missing command: tollgate ${name} <${known.replace(/, /g, '|')}>; see tollgate ${name} --help`,
      EXIT.usage,
    );
  }
}
