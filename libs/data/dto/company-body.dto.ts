import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsFQDN, IsInt, IsISO31661Alpha2, IsNumber, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { CompanyInput } from '../company.types';

/**
 * Body of POST /companies and PUT /companies/:id (a full replacement: an optional field left out
 * becomes null). Every field has one declared type, so `{"$gt": ""}` is a type error, not a query.
 */
export class CompanyBodyDto implements CompanyInput {
  @ApiProperty({ type: String })
  @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ type: String })
  @IsString() @MaxLength(253) @IsFQDN({ require_tld: true }, { message: 'domain must be a domain name such as example.com' })
  domain: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @Length(1, 100)
  industry?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as US or FR' })
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @Length(1, 100)
  city?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional() @IsInt() @Min(0) @Max(100_000_000)
  employees?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Annual revenue in US dollars.' })
  /** Annual revenue in US dollars. */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }) @Min(0) @Max(1e15)
  revenue?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;
}
