import { ApiProperty } from '@nestjs/swagger';
import { AlertDto } from './alert.dto';

/** One page of alerts, newest first. */
export class AlertPageDto {
  @ApiProperty({ type: () => [AlertDto] }) items: AlertDto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the next page, or null on the last one' }) nextPage:
    number | null;
}
