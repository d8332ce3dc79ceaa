import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class LockStateDto {
  @ApiProperty({ type: Boolean }) locked: boolean;
}

class LockoutsDto {
  @ApiProperty({ type: () => LockStateDto }) token: LockStateDto;
  @ApiProperty({ type: () => LockStateDto }) account: LockStateDto;
}

class WindowLimitsDto {
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) periodSeconds: number;
  @ApiProperty({ type: 'integer' }) remaining: number;
}

/** The calling token's throttling state, as this very request's admission saw it. */
export class LimitsDto {
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ type: String }) tokenId: string;
  @ApiProperty({ type: 'integer', description: 'requests per period, per token' }) limit: number;
  @ApiProperty({ type: 'integer' }) periodSeconds: number;
  @ApiProperty({ type: 'integer' }) lockoutSeconds: number;
  @ApiProperty({ enum: ['account', 'token'] }) lockoutScope: string;
  @ApiProperty({ type: [Number] }) warnAt: number[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'null when rate limiting was unavailable and the request was admitted uncounted (fail-open)',
  })
  remaining: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) used: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resetAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the warnAt fraction reached in this period, if any' })
  warning: number | null;
  @ApiProperty({ type: () => LockoutsDto }) lockout: LockoutsDto;
  @ApiPropertyOptional({
    type: () => WindowLimitsDto,
    description: "the account's burst window as this request left it; absent when it has none",
  })
  burst?: WindowLimitsDto;
  @ApiProperty({ type: String, format: 'date-time' }) tokenExpiresAt: string;
}
