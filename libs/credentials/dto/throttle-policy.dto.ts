import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ThrottlePolicyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  limit: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 86_400 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  periodSeconds?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 86_400 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  lockoutSeconds?: number;

  @ApiPropertyOptional({ enum: ['account', 'token'] })
  @IsOptional()
  @IsIn(['account', 'token'])
  scope?: 'account' | 'token';

  @ApiPropertyOptional({ type: 'array', items: { type: 'number', minimum: 0.01, maximum: 0.99 }, maxItems: 5 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @Min(0.01, { each: true })
  @Max(0.99, { each: true })
  warnAt?: number[];
}
