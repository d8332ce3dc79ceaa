import { Command, Option } from 'nest-commander';
import { AuditTrail, ListAuditQuery } from '@tollgate/audit';
import { defined, validated } from '../command-input';
import { printLine, printTable } from '../output';
import { OperatorCommand, type OutputOptions } from './operator.command';

type AuditOptions = OutputOptions & {
  account?: string;
  actor?: string;
  action?: string;
  since?: string;
  page?: string;
  pageSize?: string;
};

const DEFAULT_PAGE_SIZE = 50;

/** The audit log (`GET /operator/v1/audit`), newest first. */
@Command({ name: 'audit', description: 'list the audit log: who changed what, newest first' })
export class AuditCommand extends OperatorCommand {
  @Option({ flags: '--account <idOrName>', description: 'only changes of this account' })
  parseAccount(value: string): string {
    return value;
  }

  @Option({
    flags: '--actor <name>',
    description: 'only changes by this operator (or cli:<user>, client:<client id>, anonymous)',
  })
  parseActor(value: string): string {
    return value;
  }

  @Option({
    flags: '--action <action>',
    description: 'only this action, e.g. account.update, secret.rotate, operator.create',
  })
  parseAction(value: string): string {
    return value;
  }

  @Option({ flags: '--since <iso>', description: 'only entries at or after this ISO 8601 date or date-time' })
  parseSince(value: string): string {
    return value;
  }

  @Option({ flags: '--page <n>', description: 'page number (default 1)' })
  parsePage(value: string): string {
    return value;
  }

  @Option({ flags: '--page-size <n>', description: 'entries per page (default 50, at most 200)' })
  parsePageSize(value: string): string {
    return value;
  }

  async run(_args: string[], options: AuditOptions): Promise<void> {
    const query = await validated(
      ListAuditQuery,
      defined({
        account: options.account,
        actor: options.actor,
        action: options.action,
        since: options.since,
        page: options.page,
        pageSize: options.pageSize,
      }),
    );
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const rows = await (
      await this.services.get(AuditTrail)
    ).list({
      account: query.account,
      actor: query.actor,
      action: query.action,
      since: query.since ? new Date(query.since) : undefined,
      skip: (page - 1) * pageSize,
      limit: pageSize + 1,
    });
    const items = rows.slice(0, pageSize).map((e) => ({ ...e, at: e.at.toISOString() }));
    const nextPage = rows.length > pageSize ? page + 1 : null;
    this.output(options, { items, page, pageSize, nextPage }, () => {
      printTable(
        ['at', 'actor', 'action', 'target', 'account', 'changed', 'requestId'],
        items.map((e) => [
          e.at,
          e.actor,
          e.action,
          e.target.name ?? e.target.id ?? e.target.type,
          e.accountName ?? e.accountId,
          e.changes.map((c) => c.field).join(',') || (e.detail ? JSON.stringify(e.detail) : ''),
          e.requestId,
        ]),
        'no audit entries',
      );
      if (nextPage) printLine(`\npage ${page}; more with --page ${nextPage}`);
    });
  }
}
