import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const DAY = /^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** `GET /operator/v1/usage/day`: the busiest accounts of a day, or the totals of named accounts. */
export class DayTotalsQuery {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
    description: "a UTC day; today's (the server's clock) when absent",
  })
  @IsOptional()
  @Matches(DAY, { message: 'day must be a date YYYY-MM-DD' })
  day?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: '^acc_[A-Za-z0-9_-]{1,40}(,acc_[A-Za-z0-9_-]{1,40}){0,99}$',
    description: 'comma-separated account ids (at most 100): their totals whatever their rank',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @ArrayMaxSize(100, { message: 'accounts names at most 100 account ids' })
  @Matches(/^acc_[A-Za-z0-9_-]{1,40}$/, { each: true, message: 'accounts must be comma-separated account ids' })
  accounts?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100,
    default: 10,
    description: 'how many of the busiest accounts (without `accounts`)',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
