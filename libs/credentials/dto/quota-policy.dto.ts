import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUOTA_PERIODS, type QuotaPeriod } from '../account.types';
import { WarnAtProperty } from './warn-at.decorator';

export class QuotaPolicyDto {
  @ApiProperty({ type: String, pattern: '^[a-z0-9-]{1,64}$' })
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'api must be an API product name (a-z 0-9 -)' })
  api: string;

  @ApiProperty({ enum: QUOTA_PERIODS, description: 'UTC hour, day or month' })
  @IsIn(QUOTA_PERIODS)
  period: QuotaPeriod;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  limit: number;

  @WarnAtProperty()
  warnAt?: number[];

  @ApiPropertyOptional({ enum: ['hard', 'alert'] })
  @IsOptional()
  @IsIn(['hard', 'alert'])
  enforce?: 'hard' | 'alert';
}

/** A monthly credit allocation across all APIs (see CreditPolicy). */
export class CreditPolicyDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000_000,
    description:
      'credits per UTC month, every API together; each request spends its route cost (1 unless the route says otherwise)',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  monthly: number;

  @ApiPropertyOptional({
    enum: ['hard', 'alert'],
    description:
      '`hard` (default): a request costing more than what is left gets 429 `credits_exhausted`; `alert`: never refused, alerts only',
  })
  @IsOptional()
  @IsIn(['hard', 'alert'])
  enforce?: 'hard' | 'alert';

  @WarnAtProperty('fractions of `monthly` at which a `credits.warning` alert is raised (default 0.8, 0.9)')
  warnAt?: number[];
}
