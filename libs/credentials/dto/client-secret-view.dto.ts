import { ApiProperty } from '@nestjs/swagger';

/** A client secret as listed: its id and validity, never its value or hash. */
export class ClientSecretViewDto {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'set when a rotation retired it: it works until then',
  })
  expiresAt: string | null;
}
