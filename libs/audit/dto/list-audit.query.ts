import { Type } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

/** `GET /operator/v1/audit`: newest first, page by page, narrowed by account, actor, action and time. */
export class ListAuditQuery {
  @ApiPropertyOptional({ type: String, description: 'an account id or name (deleted accounts included)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{3,64}$/, { message: 'account must be an account id or name' })
  account?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: '^[A-Za-z0-9:_.-]{1,80}$',
    description: 'who: an operator name, `cli:<os user>`, `client:<client id>` or `anonymous`',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_.-]{1,80}$/, {
    message: 'actor must be an operator name, cli:<user>, client:<client id> or anonymous',
  })
  actor?: string;

  @ApiPropertyOptional({ type: String, pattern: '^[a-z-]{1,40}\\.[a-z-]{1,40}$', example: 'account.update' })
  @IsOptional()
  @Matches(/^[a-z-]{1,40}\.[a-z-]{1,40}$/, { message: 'action must look like account.update' })
  action?: string;

  @ApiPropertyOptional({ type: String, description: 'entries at or after this ISO 8601 date or date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date or date-time' })
  since?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
