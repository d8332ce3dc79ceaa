import { Option, SubCommand } from 'nest-commander';
import { AccountsService, RotateSecretDto } from '@tollgate/credentials';
import { printSecrets } from '../account-output';
import { defined, integer, validated } from '../command-input';
import { printFields, printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@SubCommand({
  name: 'rotate',
  arguments: '<idOrName>',
  description: 'issue a new client secret (shown once); the current ones keep working for the grace period',
})
export class SecretsRotateCommand extends OperatorCommand {
  @Option({ flags: '--grace <seconds>', description: 'how long the current secrets keep working (default 86400)' })
  parseGrace(value: string): string {
    return value;
  }

  async run([idOrName]: string[], options: OutputOptions & { grace?: string }): Promise<void> {
    const dto = await validated(RotateSecretDto, defined({ graceSeconds: integer(options.grace) }));
    const accounts = await this.services.get(AccountsService);
    const { account, clientSecret, secretId } = await this.audited(
      { action: 'secret.rotate', subject: 'account', detail: ['secretId'] },
      idOrName,
      () => accounts.rotateSecret(idOrName, dto.graceSeconds),
    );
    const secrets = accounts.view(account).secrets;
    this.output(options, { accountId: account.id, clientId: account.clientId, secretId, clientSecret, secrets }, () => {
      printFields([
        ['accountId', account.id],
        ['clientId', account.clientId],
        ['secretId', secretId],
        ['clientSecret', clientSecret],
      ]);
      printSecrets(secrets);
      printLine('');
      printLine('The new client secret is shown only this once: store it now.');
    });
  }
}
