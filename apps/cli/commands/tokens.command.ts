import { Command } from 'nest-commander';
import { CommandGroup } from './command-group.command';
import { TokensListCommand } from './tokens-list.command';
import { TokensRevokeAllCommand } from './tokens-revoke-all.command';
import { TokensRevokeCommand } from './tokens-revoke.command';

@Command({
  name: 'tokens',
  description: 'list and revoke access tokens',
  subCommands: [TokensListCommand, TokensRevokeCommand, TokensRevokeAllCommand],
})
export class TokensCommand extends CommandGroup {}
