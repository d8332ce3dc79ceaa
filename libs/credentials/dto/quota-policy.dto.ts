import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class QuotaPolicyDto {
  @ApiProperty({ type: String, pattern: '^[a-z0-9-]{1,64}$' })
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'api must be an API product name (a-z 0-9 -)' })
  api: string;

  @ApiProperty({ enum: ['month', 'day'] })
  @IsIn(['month', 'day'])
  period: 'month' | 'day';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  limit: number;

  @ApiPropertyOptional({ type: 'array', items: { type: 'number', minimum: 0.01, maximum: 0.99 }, maxItems: 5 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @Min(0.01, { each: true })
  @Max(0.99, { each: true })
  warnAt?: number[];

  @ApiPropertyOptional({ enum: ['hard', 'alert'] })
  @IsOptional()
  @IsIn(['hard', 'alert'])
  enforce?: 'hard' | 'alert';
}
