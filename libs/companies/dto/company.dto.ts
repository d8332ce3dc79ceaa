import { ApiProperty } from '@nestjs/swagger';
import type { Company } from '../company.types';

/** A company as every company route answers it (dates as ISO 8601 strings on the wire). */
export class CompanyDto implements Omit<Company, 'createdAt' | 'updatedAt'> {
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{24}$', example: '6650f1c2a1b2c3d4e5f60718' }) id: string;
  @ApiProperty({ type: String, example: 'Summit Analytics' }) name: string;
  @ApiProperty({ type: String, description: 'lower-cased; unique across companies', example: 'summit.example' })
  domain: string;
  @ApiProperty({ type: String, nullable: true }) industry: string | null;
  @ApiProperty({ type: String, nullable: true, pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper-cased' })
  country: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0 }) employees: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, description: 'annual revenue in US dollars' }) revenue:
    number | null;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
