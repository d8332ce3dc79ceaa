import { ApiProperty } from '@nestjs/swagger';
import { ContactDto } from './contact.dto';

/** One page of GET /api/v1/contacts. */
export class ContactPageDto {
  @ApiProperty({ type: () => [ContactDto] }) items: ContactDto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 }) pageSize: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'exact number of contacts matching the filters' })
  total: number;
}
