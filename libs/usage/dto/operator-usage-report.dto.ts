import { ApiProperty } from '@nestjs/swagger';
import { TokenUsageRowDto } from './token-usage-row.dto';
import { UsageReportDto } from './usage-report.dto';

/** The usage report as operators see it: the customer's, plus a per-token breakdown. */
export class OperatorUsageReportDto extends UsageReportDto {
  @ApiProperty({ type: () => [TokenUsageRowDto] }) usageForTokens: TokenUsageRowDto[];
}
