import { ApiProperty } from '@nestjs/swagger';

class ApiTotalDto {
  @ApiProperty({ type: String, example: 'companies' }) api: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) transactions: number;
}

class AccountDayTotalDto {
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the account record is gone' }) name:
    string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) transactions: number;
  @ApiProperty({ type: () => [ApiTotalDto], description: 'per API, busiest first' }) apis: ApiTotalDto[];
}

/** One day's transactions per account, busiest first. */
export class DayTotalsDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-11-30' }) day: string;
  @ApiProperty({ type: () => [AccountDayTotalDto] }) items: AccountDayTotalDto[];
}
