import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsFQDN,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { CompanyInput } from '../company.types';
import { COUNTRY_CODES, DOMAIN_NAME_PATTERN, HTTP_URL_PATTERN } from './openapi-patterns';

/**
 * Body of POST /companies and PUT /companies/:id (a full replacement: an optional field left out
 * becomes null). Every field has one declared type, so `{"$gt": ""}` is a type error, not a query.
 */
export class CompanyBodyDto implements CompanyInput {
  @ApiProperty({ type: String, minLength: 1, maxLength: 200, pattern: '\\S' })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({
    type: String,
    maxLength: 253,
    pattern: DOMAIN_NAME_PATTERN,
    description: 'a domain name with a top-level domain, such as example.com',
  })
  @IsString()
  @MaxLength(253)
  @IsFQDN({ require_tld: true }, { message: 'domain must be a domain name such as example.com' })
  domain: string;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  industry?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: COUNTRY_CODES,
    description: 'ISO 3166-1 alpha-2 (case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as US or FR' })
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 100_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  employees?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1e15,
    multipleOf: 0.01,
    description: 'Annual revenue in US dollars, at most two decimal places.',
  })
  /** Annual revenue in US dollars. */
  // A client computing cents in binary floating point sends 0.57 as 0.5700000000000001: that noise
  // (far below a cent) is snapped to the cent; a real third decimal (1.234) is still refused.
  @Transform(({ value }) =>
    typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
      ? Math.round(value * 100) / 100
      : value,
  )
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e15)
  revenue?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2048, pattern: HTTP_URL_PATTERN })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;
}
