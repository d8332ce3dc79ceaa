import { SubCommand } from 'nest-commander';
import { AccountsService } from '@tollgate/credentials';
import { TokensService } from '@tollgate/tokens';
import { printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@SubCommand({ name: 'revoke-all', arguments: '<idOrName>', description: 'revoke every token of an account at once' })
export class TokensRevokeAllCommand extends OperatorCommand {
  async run([idOrName]: string[], options: OutputOptions): Promise<void> {
    const account = await (await this.services.get(AccountsService)).get(idOrName);
    const tokens = await this.services.get(TokensService);
    const { revoked } = await this.audited(
      { action: 'token.revoke-all', subject: 'account', detail: ['revoked'] },
      account.id,
      async () => ({ revoked: await tokens.revokeAll(account) }),
    );
    this.output(options, { accountId: account.id, revoked }, () =>
      printLine(`revoked ${revoked} token${revoked === 1 ? '' : 's'} of ${account.name} (${account.id})`),
    );
  }
}
