import { Option, SubCommand } from 'nest-commander';
import type { OperatorRole } from '@tollgate/http';
import { OperatorsService } from '@tollgate/operators';
import { CliError, EXIT } from '../cli.errors';
import { printFields, printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@SubCommand({ name: 'create', arguments: '<name>', description: 'create a named operator; prints its key, once' })
export class OperatorsCreateCommand extends OperatorCommand {
  @Option({ flags: '--role <admin|viewer>', description: 'admin: everything; viewer: reads only' })
  parseRole(value: string): string {
    return value;
  }

  async run([name]: string[], options: OutputOptions & { role?: string }): Promise<void> {
    if (!options.role) throw new CliError('--role is required: --role admin or --role viewer', EXIT.usage);
    const { operator, key } = await (
      await this.services.get(OperatorsService)
    ).create(name, options.role as OperatorRole);
    this.output(options, { ...operator, key }, () => {
      printFields([
        ['name', operator.name],
        ['role', operator.role],
        ['key', key],
      ]);
      printLine('');
      printLine('The operator key is shown only this once: hand it over now.');
    });
  }
}
