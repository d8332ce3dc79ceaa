import { SubCommand } from 'nest-commander';
import { TokensService } from '@tollgate/tokens';
import { printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@SubCommand({
  name: 'revoke',
  arguments: '<tokenId>',
  description: 'revoke one token; effective on every API instance before the command returns',
})
export class TokensRevokeCommand extends OperatorCommand {
  async run([tokenId]: string[], options: OutputOptions): Promise<void> {
    await (await this.services.get(TokensService)).revokeById(tokenId);
    this.output(options, { tokenId, revoked: true }, () => printLine(`token ${tokenId} revoked`));
  }
}
