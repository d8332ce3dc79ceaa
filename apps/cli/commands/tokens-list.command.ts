import { SubCommand } from 'nest-commander';
import { AccountsService } from '@tollgate/credentials';
import { TokensService } from '@tollgate/tokens';
import { printTable } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@SubCommand({
  name: 'list',
  arguments: '<idOrName>',
  description: "list an account's active tokens (ids, never values)",
})
export class TokensListCommand extends OperatorCommand {
  async run([idOrName]: string[], options: OutputOptions): Promise<void> {
    const account = await (await this.services.get(AccountsService)).get(idOrName);
    const tokens = await (await this.services.get(TokensService)).listActive(account);
    this.output(options, { accountId: account.id, tokens }, () =>
      printTable(
        ['tokenId', 'scopes', 'issuedAt', 'expiresAt', 'via'],
        tokens.map((t) => [t.tokenId, t.scopes.join(' '), t.issuedAt, t.expiresAt, t.via]),
        `no active tokens for ${account.name}`,
      ),
    );
  }
}
