import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WarnAtProperty } from './warn-at.decorator';

/**
 * A window per token, enforced as a GCRA cell (a token bucket): at most `limit` requests at once, then
 * one every `periodSeconds / limit`.
 */
export class WindowPolicyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  limit: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 86_400 })
  @IsInt()
  @Min(1)
  @Max(86_400)
  periodSeconds: number;
}

export class ApiWindowPolicyDto extends WindowPolicyDto {
  @ApiProperty({ type: String, pattern: '^[a-z0-9-]{1,64}$' })
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'api must be an API product name (a-z 0-9 -)' })
  api: string;
}

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

  @WarnAtProperty()
  warnAt?: number[];

  @ApiPropertyOptional({
    type: () => WindowPolicyDto,
    nullable: true,
    description:
      'a short window per token on top of the main one (e.g. 10 per 1 s), a token bucket: `limit` at once, then one every periodSeconds / limit; over it: 429 `burst_limited`, no lockout. Absent or null: none.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject({ message: 'burst must be an object' })
  @ValidateNested()
  @Type(() => WindowPolicyDto)
  burst?: WindowPolicyDto | null;

  @ApiPropertyOptional({
    type: () => [ApiWindowPolicyDto],
    maxItems: 50,
    description:
      'a window per API product per token, a token bucket like the burst window; over it: 429 `api_limited`, no lockout',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each API window must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ApiWindowPolicyDto)
  apis?: ApiWindowPolicyDto[];
}
