import { Command } from 'nest-commander';
import { CommandGroup } from './command-group.command';
import { SecretsRotateCommand } from './secrets-rotate.command';

@Command({ name: 'secrets', description: "rotate an account's client secret", subCommands: [SecretsRotateCommand] })
export class SecretsCommand extends CommandGroup {}
