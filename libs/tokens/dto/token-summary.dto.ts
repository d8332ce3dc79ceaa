import { ApiProperty } from '@nestjs/swagger';

/** A live token as listed to operators: never its value or hash. */
export class TokenSummaryDto {
  @ApiProperty({ type: String, example: 'tok_3NaazsPL_GFY8JUY' }) tokenId: string;
  @ApiProperty({ type: [String] }) scopes: string[];
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, enum: ['oauth', 'insideview'], description: 'the endpoint that issued it' }) via: string;
}
