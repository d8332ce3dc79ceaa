import { ApiProperty } from '@nestjs/swagger';

/** One token's transactions on one API in one bucket (the operator's breakdown). */
export class TokenUsageRowDto {
  @ApiProperty({ type: String }) tokenId: string;
  @ApiProperty({ type: String }) api: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) transactions: number;
  @ApiProperty({ type: String }) date: string;
}
