import { Option, SubCommand } from 'nest-commander';
import { AccountsService, ListAccountsQuery } from '@tollgate/credentials';
import { defined, validated } from '../command-input';
import { printLine, printTable } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

type ListOptions = OutputOptions & { search?: string; status?: string; page?: string; pageSize?: string };

/** `GET /operator/v1/accounts`: by name prefix and status, in name order, one page at a time. */
@SubCommand({
  name: 'list',
  description: 'list accounts in name order: by name prefix (--search) and status (default: every account not deleted)',
})
export class AccountsListCommand extends OperatorCommand {
  @Option({ flags: '--search <prefix>', description: 'only names starting with this (case-insensitive)' })
  parseSearch(value: string): string {
    return value;
  }

  @Option({ flags: '--status <status>', description: 'active, disabled or deleted' })
  parseStatus(value: string): string {
    return value;
  }

  @Option({ flags: '--page <n>', description: 'page number (default 1)' })
  parsePage(value: string): string {
    return value;
  }

  @Option({ flags: '--page-size <n>', description: 'accounts per page (default 20, at most 100)' })
  parsePageSize(value: string): string {
    return value;
  }

  async run(_args: string[], options: ListOptions): Promise<void> {
    // Query-string semantics, as over HTTP: the query DTO converts page numbers itself.
    const query = await validated(
      ListAccountsQuery,
      defined({ search: options.search, status: options.status, page: options.page, pageSize: options.pageSize }),
    );
    const page = await (await this.services.get(AccountsService)).list(query);
    this.output(options, page, () => {
      printTable(
        ['name', 'accountId', 'clientId', 'status', 'scopes', 'createdAt'],
        page.items.map((a) => [a.name, a.accountId, a.clientId, a.status, a.scopes.join(','), a.createdAt]),
        'no accounts',
      );
      const shown = page.items.length
        ? `${(page.page - 1) * page.pageSize + 1}-${(page.page - 1) * page.pageSize + page.items.length}`
        : 'none';
      const more = page.page * page.pageSize < page.total ? `; more with --page ${page.page + 1}` : '';
      printLine(`\n${shown} of ${page.total}${more}`);
    });
  }
}
