import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 7662 introspection response: only `active` for a token that is not live (or not the caller's). */
export class IntrospectionDto {
  @ApiProperty({ type: Boolean }) active: boolean;
  @ApiPropertyOptional({ type: String, description: 'space-separated' }) scope?: string;
  @ApiPropertyOptional({ type: String }) client_id?: string;
  @ApiPropertyOptional({ type: String, description: 'the account name' }) username?: string;
  @ApiPropertyOptional({ type: String, enum: ['Bearer'] }) token_type?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'expiry, seconds since the epoch' }) exp?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'issue time, seconds since the epoch' }) iat?: number;
  @ApiPropertyOptional({ type: String, description: 'the account id' }) sub?: string;
  @ApiPropertyOptional({ type: String, description: 'the token id' }) jti?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "the account's metadata (labels of the operator's; never used for a decision)",
  })
  tollgate_metadata?: Record<string, string>;
}
