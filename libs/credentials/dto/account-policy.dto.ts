import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { QuotaPolicyDto } from './quota-policy.dto';
import { ThrottlePolicyDto } from './throttle-policy.dto';

/** Policy fields shared by create and update; every one optional here. */
export class AccountPolicyDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 60, maximum: 30 * 86_400 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(30 * 86_400)
  tokenTtlSeconds?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxActiveTokens?: number;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9:._-]{1,64}$' }, maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z0-9:._-]{1,64}$/, { each: true, message: 'each scope must be 1-64 of A-Z a-z 0-9 : . _ -' })
  scopes?: string[];

  // @IsObject: without it an array of policies passes, each element validated as one policy, and
  // the account would store a throttle the token issuer cannot read.
  @ApiPropertyOptional({ type: () => ThrottlePolicyDto })
  @IsOptional()
  @IsObject({ message: 'throttle must be an object' })
  @ValidateNested()
  @Type(() => ThrottlePolicyDto)
  throttle?: ThrottlePolicyDto;

  @ApiPropertyOptional({ type: () => [QuotaPolicyDto], maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each quota must be an object' })
  @ValidateNested({ each: true })
  @Type(() => QuotaPolicyDto)
  quotas?: QuotaPolicyDto[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', pattern: '^https?://[A-Za-z0-9.-]+(:\\d{1,5})?$' },
    maxItems: 50,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    each: true,
    message: 'each origin must be scheme://host[:port]',
  })
  allowedOrigins?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2048,
    pattern: '^https://[a-z0-9]{1,20}(\\.[a-z0-9]{1,20}){0,3}\\.[a-z]{2,10}(/[A-Za-z0-9_-]{1,20}){0,4}$',
    description: 'an http(s) URL of a public host',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'alertWebhookUrl must be an http(s) URL' },
  )
  alertWebhookUrl?: string | null;
}

export class CreateAccountDto extends AccountPolicyDto {
  @ApiProperty({ type: String, pattern: '^[a-z0-9-]{3,64}$' })
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'name must be 3 to 64 of a-z 0-9 -' })
  name: string;
}

export class UpdateAccountDto extends AccountPolicyDto {
  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';
}

export class RotateSecretDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 30 * 86_400 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30 * 86_400)
  graceSeconds?: number;
}
