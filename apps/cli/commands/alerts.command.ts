import { Command, Option } from 'nest-commander';
import { AlertsService, ListOperatorAlertsQuery } from '@tollgate/alerts';
import { AccountsService } from '@tollgate/credentials';
import { defined, validated } from '../command-input';
import { printLine, printTable } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

type AlertsOptions = OutputOptions & {
  account?: string;
  type?: string;
  since?: string;
  page?: string;
  pageSize?: string;
};

/** The operator's alert listing (`GET /operator/v1/alerts`), newest first. */
@Command({ name: 'alerts', description: 'list alerts of every account or of one, newest first' })
export class AlertsCommand extends OperatorCommand {
  @Option({ flags: '--account <idOrName>', description: 'only this account' })
  parseAccount(value: string): string {
    return value;
  }

  @Option({
    flags: '--type <type>',
    description:
      'throttle.warning, throttle.lockout, quota.warning, quota.exceeded, credits.warning or credits.exhausted',
  })
  parseType(value: string): string {
    return value;
  }

  @Option({ flags: '--since <iso>', description: 'only alerts at or after this ISO 8601 date or date-time' })
  parseSince(value: string): string {
    return value;
  }

  @Option({ flags: '--page <n>', description: 'page number (default 1)' })
  parsePage(value: string): string {
    return value;
  }

  @Option({ flags: '--page-size <n>', description: 'alerts per page (default 50, at most 200)' })
  parsePageSize(value: string): string {
    return value;
  }

  async run(_args: string[], options: AlertsOptions): Promise<void> {
    // Query-string semantics, as over HTTP: the query DTO converts page numbers itself.
    const query = await validated(
      ListOperatorAlertsQuery,
      defined({
        account: options.account,
        type: options.type,
        since: options.since,
        page: options.page,
        pageSize: options.pageSize,
      }),
    );
    const accountId = query.account
      ? (await (await this.services.get(AccountsService)).get(query.account)).id
      : undefined;
    const page = await (await this.services.get(AlertsService)).page(accountId, query);
    this.output(options, page, () => {
      printTable(
        ['at', 'type', 'accountId', 'api', 'threshold', 'count', 'limit', 'period'],
        page.items.map((a) => [a.at, a.type, a.accountId, a.api, a.threshold, a.count, a.limit, a.period]),
        'no alerts',
      );
      if (page.nextPage) printLine(`\npage ${page.page}; more with --page ${page.nextPage}`);
    });
  }
}
