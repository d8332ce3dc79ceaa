import { Command } from 'nest-commander';
import { AccountsService } from '@tollgate/credentials';
import { LockoutsService } from '@tollgate/throttling';
import { printLine } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

@Command({
  name: 'unlock',
  arguments: '<idOrName>',
  description: 'lift every throttling lockout of an account and waive its used-up hard quotas for the current period',
})
export class UnlockCommand extends OperatorCommand {
  async run([idOrName]: string[], options: OutputOptions): Promise<void> {
    const account = await (await this.services.get(AccountsService)).get(idOrName);
    const lockouts = await this.services.get(LockoutsService);
    const { lifted } = await this.audited(
      { action: 'account.unlock', subject: 'account', detail: ['lifted'] },
      account.id,
      async () => ({ lifted: await lockouts.unlock(account.id) }),
    );
    this.output(options, { accountId: account.id, lifted }, () =>
      printLine(
        `lifted ${lifted} lockout${lifted === 1 ? '' : 's'} of ${account.name} (${account.id}); used-up hard quotas waived until their period ends`,
      ),
    );
  }
}
