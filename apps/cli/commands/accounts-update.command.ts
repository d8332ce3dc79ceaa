import { Option, SubCommand } from 'nest-commander';
import { AccountsService, UpdateAccountDto } from '@tollgate/credentials';
import { printAccount, summary } from '../account-output';
import { CliError, EXIT } from '../cli.errors';
import { defined, policyFromFlags, validated } from '../command-input';
import { AccountPolicyCommand, type PolicyOptions } from './account-policy.command';

@SubCommand({
  name: 'update',
  arguments: '<idOrName>',
  description: "change an account's policy or status; throttle flags change only the fields given",
})
export class AccountsUpdateCommand extends AccountPolicyCommand {
  @Option({ flags: '--status <active|disabled>', description: 'disabled fails all its tokens at once' })
  parseStatus(value: string): string {
    return value;
  }

  async run([idOrName]: string[], options: PolicyOptions & { status?: string }): Promise<void> {
    const { json: _json, ...flags } = options;
    if (!Object.values(flags).some((v) => v !== undefined))
      throw new CliError(
        'nothing to update: give at least one option (see tollgate accounts update --help)',
        EXIT.usage,
      );
    const accounts = await this.services.get(AccountsService);
    const current = await accounts.get(idOrName);
    const { limit, periodSeconds, lockoutSeconds, scope, warnAt } = current.throttle;
    const policy = policyFromFlags(options, { limit, periodSeconds, lockoutSeconds, scope, warnAt });
    const dto = await validated(UpdateAccountDto, defined({ ...policy, status: options.status }));
    const view = summary(
      accounts.view(
        await this.audited({ action: 'account.update', subject: 'account' }, current.id, () =>
          accounts.update(current.id, dto),
        ),
      ),
    );
    this.output(options, view, () => printAccount(view));
  }
}
