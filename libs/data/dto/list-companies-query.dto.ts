import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

/**
 * Filters of GET /companies. Each is declared a string: `name[$ne]=x` arrives as an unknown key
 * (refused), and a repeated key arrives as an array (refused), so no query operator reaches Mongo.
 */
export class ListCompaniesQueryDto extends PageQueryDto {
  /** Case-insensitive prefix of the company name. */
  @IsOptional() @IsString() @Length(1, 200)
  name?: string;

  @IsOptional() @IsString() @Length(1, 253)
  domain?: string;

  @IsOptional() @IsString() @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as US or FR' })
  country?: string;

  @IsOptional() @IsString() @Length(1, 100)
  industry?: string;
}
