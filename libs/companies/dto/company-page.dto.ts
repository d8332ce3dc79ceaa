import { ApiProperty } from '@nestjs/swagger';
import { CompanyDto } from './company.dto';

/** One page of GET /api/v1/companies. */
export class CompanyPageDto {
  @ApiProperty({ type: () => [CompanyDto] }) items: CompanyDto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 }) pageSize: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'exact number of companies matching the filters' })
  total: number;
}
