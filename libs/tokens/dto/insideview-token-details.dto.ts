import { ApiProperty } from '@nestjs/swagger';

/** InsideView's token details; in XML the root element `accessTokenDetails` itself. */
export class InsideViewTokenDetailsDto {
  @ApiProperty({ type: String }) accessToken: string;
  @ApiProperty({ type: String, enum: ['bearer'] }) tokenType: string;
  @ApiProperty({ type: String, format: 'date-time' }) expirationTime: string;
}
