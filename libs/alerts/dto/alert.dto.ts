import { ApiProperty } from '@nestjs/swagger';
import { ALERT_TYPES } from '../alert.types';

/** One recorded alert. */
export class AlertDto {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ enum: ALERT_TYPES }) type: string;
  @ApiProperty({ type: String, description: 'the API product' }) api: string;
  @ApiProperty({ type: String }) tokenId: string;
  @ApiProperty({ type: Number, description: 'the warnAt fraction crossed (1 for a lockout or a used-up quota)' })
  threshold: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: String, description: 'the period the alert belongs to' }) period: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'end of the lockout or quota period' })
  until: string | null;
  @ApiProperty({ type: String, nullable: true, description: '`account` or `token` for a lockout' }) scope:
    string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
}
