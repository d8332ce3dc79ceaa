import { Command } from 'nest-commander';
import { CommandGroup } from './command-group.command';
import { OperatorsCreateCommand } from './operators-create.command';
import { OperatorsListCommand } from './operators-list.command';
import { OperatorsRevokeCommand } from './operators-revoke.command';

@Command({
  name: 'operators',
  description: 'create, list and revoke named operators (admin or viewer)',
  subCommands: [OperatorsCreateCommand, OperatorsListCommand, OperatorsRevokeCommand],
})
export class OperatorsCommand extends CommandGroup {}
