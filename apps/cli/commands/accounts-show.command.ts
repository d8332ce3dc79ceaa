import { SubCommand } from 'nest-commander';
import { AccountsService } from '@tollgate/credentials';
import { printAccount } from '../account-output';
import { OperatorCommand, type OutputOptions } from './operator.command';

/** The operator API's account view, webhook signing key included (operators hand it to the customer). */
@SubCommand({
  name: 'show',
  arguments: '<idOrName>',
  description: 'show an account: policy, secrets (ids and expiry), webhook signing key',
})
export class AccountsShowCommand extends OperatorCommand {
  async run([idOrName]: string[], options: OutputOptions): Promise<void> {
    const accounts = await this.services.get(AccountsService);
    const view = accounts.view(await accounts.get(idOrName));
    this.output(options, view, () => printAccount(view));
  }
}
