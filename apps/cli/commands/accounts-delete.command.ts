import { Option, SubCommand } from 'nest-commander';
import { AccountsService } from '@tollgate/credentials';
import { CliError, EXIT } from '../cli.errors';
import { printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

type DeleteOptions = OutputOptions & { yes?: boolean };

/** `DELETE /operator/v1/accounts/:idOrName`. Final, so it asks for --yes rather than a prompt (scripts run it too). */
@SubCommand({
  name: 'delete',
  arguments: '<idOrName>',
  description: 'delete an account for good (--yes): its tokens end at once; its name and client ID are never reused',
})
export class AccountsDeleteCommand extends OperatorCommand {
  @Option({ flags: '--yes', description: 'confirm: deleting cannot be undone' })
  parseYes(): boolean {
    return true;
  }

  async run([idOrName]: string[], options: DeleteOptions): Promise<void> {
    if (!options.yes)
      throw new CliError(`deleting ${idOrName} cannot be undone; run again with --yes to confirm`, EXIT.usage);
    const accounts = await this.services.get(AccountsService);
    const account = await this.audited({ action: 'account.delete', subject: 'account' }, idOrName, () =>
      accounts.delete(idOrName),
    );
    this.output(
      options,
      {
        accountId: account.id,
        name: account.name,
        clientId: account.clientId,
        status: account.status,
        deletedAt: account.deletedAt?.toISOString(),
      },
      () => printLine(`account ${account.name} (${account.id}) is deleted; its tokens no longer work`),
    );
  }
}
