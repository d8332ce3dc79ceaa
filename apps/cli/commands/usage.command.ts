import { Command, Option } from 'nest-commander';
import { AccountsService } from '@tollgate/credentials';
import { parseUsageQuery, UsageService } from '@tollgate/usage';
import { printLine, printTable } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

type UsageOptions = OutputOptions & { period?: string; start?: string; end?: string };

/** The operator's usage report (`GET /operator/v1/accounts/:idOrName/usage`), per-token breakdown included. */
@Command({
  name: 'usage',
  arguments: '<idOrName>',
  description: 'transactions per API per day, month or year (inclusive range), per token too',
})
export class UsageCommand extends OperatorCommand {
  @Option({ flags: '--period <hour|day|month|year>', description: 'bucket size', required: true })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({
    flags: '--start <date>',
    description: 'first bucket: YYYY-MM-DDTHH (at most 48 hours), YYYY-MM-DD, YYYY-MM or YYYY',
    required: true,
  })
  parseStart(value: string): string {
    return value;
  }

  @Option({ flags: '--end <date>', description: 'last bucket, same format', required: true })
  parseEnd(value: string): string {
    return value;
  }

  async run([idOrName]: string[], options: UsageOptions): Promise<void> {
    const { period, start, end } = parseUsageQuery({ period: options.period, start: options.start, end: options.end });
    const account = await (await this.services.get(AccountsService)).get(idOrName);
    const report = await (await this.services.get(UsageService)).report(account.id, period, start, end, true);
    this.output(options, report, () => {
      printLine(`usage of ${account.name} (${account.id}) by ${period}, ${start} to ${end}`);
      printLine('');
      printTable(
        ['date', 'api', 'transactions', 'credits'],
        report.usageForAccount.map((u) => [u.date, u.api, u.transactions, u.credits]),
        'no transactions in this range',
      );
      if (report.usageForTokens?.length) {
        printLine('');
        printTable(
          ['date', 'api', 'tokenId', 'transactions'],
          report.usageForTokens.map((u) => [u.date, u.api, u.tokenId, u.transactions]),
          '',
        );
      }
      printLine('');
      printTable(
        ['month', 'allocatedCredits', 'consumedCredits'],
        report.creditsForAccount.map((c) => [c.month, c.allocatedCredits ?? 'no allocation', c.consumedCredits]),
        '',
      );
    });
  }
}
