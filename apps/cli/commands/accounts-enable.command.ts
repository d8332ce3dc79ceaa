import { SubCommand } from 'nest-commander';
import { AccountStatusCommand } from './account-status.command';

@SubCommand({ name: 'enable', arguments: '<idOrName>', description: 'enable a disabled account' })
export class AccountsEnableCommand extends AccountStatusCommand {
  protected readonly status = 'active';
}
