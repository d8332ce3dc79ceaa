import { SubCommand } from 'nest-commander';
import { AccountsService, CreateAccountDto } from '@tollgate/credentials';
import { printAccount, summary } from '../account-output';
import { policyFromFlags, validated } from '../command-input';
import { printLine } from '../output';
import { AccountPolicyCommand, type PolicyOptions } from './account-policy.command';

@SubCommand({
  name: 'create',
  arguments: '<name>',
  description: 'create an account; prints its client ID and its secret, once',
})
export class AccountsCreateCommand extends AccountPolicyCommand {
  async run([name]: string[], options: PolicyOptions): Promise<void> {
    const dto = await validated(CreateAccountDto, { name, ...policyFromFlags(options) });
    const accounts = await this.services.get(AccountsService);
    const { account, clientSecret } = await this.audited(
      { action: 'account.create', subject: 'account' },
      dto.name,
      () => accounts.create(dto),
    );
    const view = summary(accounts.view(account));
    this.output(options, { ...view, clientSecret }, () => {
      printAccount(view, [['clientSecret', clientSecret]]);
      printLine('');
      printLine('The client secret is shown only this once: store it now.');
    });
  }
}
