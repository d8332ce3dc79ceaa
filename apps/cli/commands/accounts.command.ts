import { Command } from 'nest-commander';
import { AccountsCreateCommand } from './accounts-create.command';
import { AccountsDisableCommand } from './accounts-disable.command';
import { AccountsEnableCommand } from './accounts-enable.command';
import { AccountsShowCommand } from './accounts-show.command';
import { AccountsUpdateCommand } from './accounts-update.command';
import { CommandGroup } from './command-group.command';

@Command({
  name: 'accounts',
  description: 'create, show, update, disable and enable accounts',
  subCommands: [AccountsCreateCommand, AccountsShowCommand, AccountsUpdateCommand, AccountsDisableCommand, AccountsEnableCommand],
})
export class AccountsCommand extends CommandGroup {}
