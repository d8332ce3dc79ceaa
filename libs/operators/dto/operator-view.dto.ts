import { ApiProperty } from '@nestjs/swagger';

/** An operator as listed: never its key. */
export class OperatorViewDto {
  @ApiProperty({ type: String, example: 'alice' }) name: string;
  @ApiProperty({ enum: ['admin', 'viewer'] }) role: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null for the bootstrap admin' })
  createdAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who created it; null for the bootstrap admin' })
  createdBy: string | null;
  @ApiProperty({ type: Boolean, description: 'true for `root`, the bootstrap admin whose key is OPERATOR_KEY' })
  bootstrap: boolean;
}

export class OperatorListDto {
  @ApiProperty({ type: () => [OperatorViewDto] }) items: OperatorViewDto[];
}

/** A new operator: the only answer that carries its key. */
export class CreatedOperatorDto extends OperatorViewDto {
  @ApiProperty({ type: String, example: 'tgo_…', description: 'the operator key, shown this once' }) key: string;
}

export class RevokedOperatorDto extends OperatorViewDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'console sessions of the operator that ended' })
  sessionsEnded: number;
}
