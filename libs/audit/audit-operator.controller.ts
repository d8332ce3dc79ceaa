import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Operator } from '@tollgate/http';
import { AuditTrail } from './audit-trail.service';
import { AuditPageDto } from './dto/audit-page.dto';
import { ListAuditQuery } from './dto/list-audit.query';

const DEFAULT_PAGE_SIZE = 50;

/** The audit log, read-only: no route edits or deletes an entry. */
@Controller('operator/v1/audit')
@ApiTags('operator: audit')
@Operator()
export class AuditOperatorController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log: who changed what, newest first',
    description:
      "Every change through the operator API, the console or the CLI, failed console sign-ins and customers' own token revocations. Values of secrets never appear.",
  })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: ListAuditQuery): Promise<AuditPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    // One more than the page tells whether there is a next one, without counting the collection.
    const rows = await this.trail.list({
      account: query.account,
      actor: query.actor,
      action: query.action,
      since: query.since ? new Date(query.since) : undefined,
      skip: (page - 1) * pageSize,
      limit: pageSize + 1,
    });
    const items = rows.slice(0, pageSize).map((e) => ({ ...e, at: e.at.toISOString() }));
    return { items, page, pageSize, nextPage: rows.length > pageSize ? page + 1 : null };
  }
}
