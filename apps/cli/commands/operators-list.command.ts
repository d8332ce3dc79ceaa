import { SubCommand } from 'nest-commander';
import { OperatorsService } from '@tollgate/operators';
import { printTable } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@SubCommand({ name: 'list', description: 'list operators (root, the bootstrap admin, first); never their keys' })
export class OperatorsListCommand extends OperatorCommand {
  async run(_args: string[], options: OutputOptions): Promise<void> {
    const items = await (await this.services.get(OperatorsService)).list();
    this.output(options, { items }, () =>
      printTable(
        ['name', 'role', 'createdAt', 'createdBy'],
        items.map((o) => [o.name, o.role, o.bootstrap ? '(OPERATOR_KEY)' : o.createdAt, o.createdBy]),
        'no operators',
      ),
    );
  }
}
