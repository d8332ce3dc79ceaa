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
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_ALLOWED_IPS, normaliseAllowedIps } from '@tollgate/network-policy';
import { MAX_METADATA_BYTES, MAX_METADATA_KEYS, metadataProblems } from '../account-metadata';
import { TOKEN_LIMIT_POLICIES, type TokenLimitPolicy } from '../account.types';
import { CreditPolicyDto, QuotaPolicyDto } from './quota-policy.dto';
import { ThrottlePolicyDto } from './throttle-policy.dto';

/** Validated by the same rule the service applies (metadataProblems), with its first problem as the message. */
const IsAccountMetadata = () =>
  ValidateBy({
    name: 'isAccountMetadata',
    validator: {
      validate: (value: unknown) => metadataProblems(value).length === 0,
      defaultMessage: (args) => metadataProblems(args?.value)[0] ?? 'metadata is invalid',
    },
  });

/** Each entry an IPv4 or IPv6 address or CIDR block; the message names the entries that are not. */
const IsAllowedIps = () =>
  ValidateBy({
    name: 'isAllowedIps',
    validator: {
      validate: (value: unknown) => Array.isArray(value) && 'entries' in normaliseAllowedIps(value),
      defaultMessage: (args) => {
        const result = Array.isArray(args?.value) ? normaliseAllowedIps(args.value) : undefined;
        return result && 'problems' in result ? result.problems.slice(0, 5).join('; ') : 'allowedIps must be an array';
      },
    },
  });

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const H = '[0-9a-fA-F]{1,4}';
const IPV6 = [
  `(${H}:){7}${H}`,
  `(${H}:){1,7}:`,
  `(${H}:){1,6}:${H}`,
  `(${H}:){1,5}(:${H}){1,2}`,
  `(${H}:){1,4}(:${H}){1,3}`,
  `(${H}:){1,3}(:${H}){1,4}`,
  `(${H}:){1,2}(:${H}){1,5}`,
  `${H}:(:${H}){1,6}`,
  `:((:${H}){1,7}|:)`,
].join('|');
/** An IPv4 address or block, or an IPv6 one (RFC 4291 text forms without an embedded IPv4 part). */
export const ALLOWED_IP_PATTERN = `^((${OCTET}\\.){3}${OCTET}(/(3[0-2]|[12]?[0-9]))?|(${IPV6})(/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))?)$`;

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
    type: () => CreditPolicyDto,
    nullable: true,
    description:
      'A monthly credit allocation across all APIs, renewed each UTC month; requests spend their route cost from it. Absent: unchanged; null: none.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject({ message: 'credits must be an object' })
  @ValidateNested()
  @Type(() => CreditPolicyDto)
  credits?: CreditPolicyDto | null;

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
    type: 'array',
    items: { type: 'string', pattern: ALLOWED_IP_PATTERN },
    maxItems: MAX_ALLOWED_IPS,
    description:
      'Client addresses and CIDR blocks (IPv4, IPv6) requests and token requests may come from; empty: any. Stored normalised (`203.0.113.0/24`, `2001:db8::/32`).',
    example: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWED_IPS)
  @IsAllowedIps()
  allowedIps?: string[];

  @ApiPropertyOptional({
    enum: TOKEN_LIMIT_POLICIES,
    description:
      'At `maxActiveTokens`: `refuse` the token request (default), or `revoke-oldest` live token to make room.',
  })
  @IsOptional()
  @IsIn(TOKEN_LIMIT_POLICIES)
  tokenLimit?: TokenLimitPolicy;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_METADATA_BYTES },
    maxProperties: MAX_METADATA_KEYS,
    description: `String keys and values of your own (at most ${MAX_METADATA_KEYS} keys and ${MAX_METADATA_BYTES} bytes in all, keys not empty): returned by the operator API and token introspection (\`tollgate_metadata\`), never used for a decision. An update replaces the whole object.`,
    example: { plan: 'gold', crmId: 'C-1042' },
  })
  @IsOptional()
  @IsAccountMetadata()
  metadata?: Record<string, string>;

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
