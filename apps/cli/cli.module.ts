import { Module } from '@nestjs/common';
import { AccountsCommand } from './commands/accounts.command';
import { AlertsCommand } from './commands/alerts.command';
import { AuditCommand } from './commands/audit.command';
import { OperatorsCommand } from './commands/operators.command';
import { SecretsCommand } from './commands/secrets.command';
import { TokensCommand } from './commands/tokens.command';
import { UnlockCommand } from './commands/unlock.command';
import { UsageCommand } from './commands/usage.command';
import { CommandLineService } from './command-line.service';
import { ServicesContext } from './services.context';

/**
 * The CLI's root module: commands only. The lib services (and their Mongo and Redis connections)
 * live in a second context that `ServicesContext` starts when a command first needs it.
 */
@Module({
  providers: [
    ServicesContext,
    CommandLineService,
    ...AccountsCommand.registerWithSubCommands(),
    ...SecretsCommand.registerWithSubCommands(),
    ...TokensCommand.registerWithSubCommands(),
    UnlockCommand,
    UsageCommand,
    AlertsCommand,
    ...OperatorsCommand.registerWithSubCommands(),
    AuditCommand,
  ],
})
export class CliModule {}
