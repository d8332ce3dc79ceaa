import { ApiProperty } from '@nestjs/swagger';

/** The answer to lifting an account's lockouts. */
export class UnlockResultDto {
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'how many lockouts and used-up hard quotas were lifted' })
  lifted: number;
}
