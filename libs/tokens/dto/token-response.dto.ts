import { ApiProperty } from '@nestjs/swagger';

/** RFC 6749 5.1 access token response. */
export class TokenResponseDto {
  @ApiProperty({ type: String, description: 'opaque bearer token (`tgt_…`)' }) access_token: string;
  @ApiProperty({ type: String, enum: ['Bearer'] }) token_type: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'seconds until it expires' }) expires_in: number;
  @ApiProperty({ type: String, description: 'the scopes granted, space-separated' }) scope: string;
}
