import { ApiProperty } from '@nestjs/swagger';
import type { Contact } from '../contact.types';

/** A contact as every contact route answers it (dates as ISO 8601 strings on the wire). */
export class ContactDto implements Omit<Contact, 'createdAt' | 'updatedAt'> {
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{24}$' }) id: string;
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{24}$' }) companyId: string;
  @ApiProperty({ type: String }) firstName: string;
  @ApiProperty({ type: String }) lastName: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, description: 'lower-cased; unique within its company' }) email: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
