import { ApiProperty } from '@nestjs/swagger';
import { TokenSummaryDto } from './token-summary.dto';

/** An account's live tokens. */
export class TokenListDto {
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ type: () => [TokenSummaryDto] }) tokens: TokenSummaryDto[];
}
