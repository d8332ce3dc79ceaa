import { ApiProperty } from '@nestjs/swagger';

/** The answer to revoking every token of an account. */
export class RevokedTokensDto {
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'how many live tokens were revoked' }) revoked: number;
}
