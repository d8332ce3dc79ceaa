import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, Length } from 'class-validator';
import { COUNTRY_CODES } from './openapi-patterns';
import { PageQueryDto } from './page-query.dto';

/**
 * Filters of GET /companies. Each is declared a string: `name[$ne]=x` arrives as an unknown key
 * (refused), and a repeated key arrives as an array (refused), so no query operator reaches Mongo.
 */
export class ListCompaniesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 200,
    description: 'Case-insensitive prefix of the company name.',
  })
  /** Case-insensitive prefix of the company name. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 253 })
  @IsOptional()
  @IsString()
  @Length(1, 253)
  domain?: string;

  @ApiPropertyOptional({ type: String, enum: COUNTRY_CODES, description: 'ISO 3166-1 alpha-2 (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as US or FR' })
  country?: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  industry?: string;
}
