import { AccountsService, UpdateAccountDto } from '@tollgate/credentials';
import { validated } from '../command-input';
import { printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

/** `accounts disable` and `accounts enable`: a status update, as `PATCH {status}` in the API. */
export abstract class AccountStatusCommand extends OperatorCommand {
  protected abstract readonly status: 'active' | 'disabled';

  async run([idOrName]: string[], options: OutputOptions): Promise<void> {
    const dto = await validated(UpdateAccountDto, { status: this.status });
    const accounts = await this.services.get(AccountsService);
    const account = await this.audited({ action: 'account.update', subject: 'account' }, idOrName, () =>
      accounts.update(idOrName, dto),
    );
    this.output(options, { accountId: account.id, name: account.name, status: account.status }, () =>
      printLine(`account ${account.name} (${account.id}) is ${account.status}`),
    );
  }
}
