import { ApiProperty } from '@nestjs/swagger';

class UsageRowDto {
  @ApiProperty({ type: String, example: 'companies' }) api: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'requests' }) transactions: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: "sum of the requests' costs" }) credits: number;
  @ApiProperty({ type: String, description: 'the bucket: YYYY-MM-DDTHH, YYYY-MM-DD, YYYY-MM or YYYY' }) date: string;
}

class CreditsDto {
  @ApiProperty({ type: String, example: '2026-11' }) month: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the monthly credit allocation; without one, the sum of the monthly quotas; null when neither is set',
  })
  allocatedCredits: number | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) consumedCredits: number;
}

/** InsideView's usage report for one account. */
export class UsageReportDto {
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ enum: ['hour', 'day', 'month', 'year'] }) period: string;
  @ApiProperty({ type: String }) start: string;
  @ApiProperty({ type: String }) end: string;
  @ApiProperty({ type: () => [UsageRowDto] }) usageForAccount: UsageRowDto[];
  @ApiProperty({ type: () => [CreditsDto] }) creditsForAccount: CreditsDto[];
}
