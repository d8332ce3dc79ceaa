import { SubCommand } from 'nest-commander';
import { AccountStatusCommand } from './account-status.command';

@SubCommand({
  name: 'disable',
  arguments: '<idOrName>',
  description: 'disable an account: all its tokens fail at once, no new ones are issued',
})
export class AccountsDisableCommand extends AccountStatusCommand {
  protected readonly status = 'disabled';
}
