import { SubCommand } from 'nest-commander';
import { OperatorsService } from '@tollgate/operators';
import { printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@SubCommand({
  name: 'revoke',
  arguments: '<name>',
  description: 'revoke an operator: its key stops working and its console sessions end at once',
})
export class OperatorsRevokeCommand extends OperatorCommand {
  async run([name]: string[], options: OutputOptions): Promise<void> {
    const { operator, sessionsEnded } = await (await this.services.get(OperatorsService)).revoke(name);
    this.output(options, { ...operator, sessionsEnded }, () =>
      printLine(
        `operator ${operator.name} revoked; ${sessionsEnded} console session${sessionsEnded === 1 ? '' : 's'} ended`,
      ),
    );
  }
}
