import { Type } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { ALERT_TYPES, type AlertType } from './alert.types';

/** `GET /api/v1/admin/alerts`: newest first, page by page. */
export class ListAlertsQuery {
  @ApiPropertyOptional({ enum: ALERT_TYPES })
  @IsOptional()
  @IsIn(ALERT_TYPES)
  type?: AlertType;

  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date or date-time' })
  since?: string;

  @ApiPropertyOptional({ type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** The operator's listing may narrow to one account (id or name). */
export class ListOperatorAlertsQuery extends ListAlertsQuery {
  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{3,64}$/, { message: 'account must be an account id or name' })
  account?: string;
}
