import { Command } from 'nest-commander';
import { AccountsCreateCommand } from './accounts-create.command';
import { AccountsDeleteCommand } from './accounts-delete.command';
import { AccountsDisableCommand } from './accounts-disable.command';
import { AccountsEnableCommand } from './accounts-enable.command';
import { AccountsListCommand } from './accounts-list.command';
import { AccountsShowCommand } from './accounts-show.command';
import { AccountsUpdateCommand } from './accounts-update.command';
import { CommandGroup } from './command-group.command';

@Command({
  name: 'accounts',
  description: 'create, list, show, update, disable, enable and delete accounts',
  subCommands: [
    AccountsCreateCommand,
    AccountsListCommand,
    AccountsShowCommand,
    AccountsUpdateCommand,
    AccountsDisableCommand,
    AccountsEnableCommand,
    AccountsDeleteCommand,
  ],
})
export class AccountsCommand extends CommandGroup {}
