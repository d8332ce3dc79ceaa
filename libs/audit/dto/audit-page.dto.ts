import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Any JSON value (a field's value before or after), null included. */
const ANY_VALUE = {
  anyOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
};

export class FieldChangeDto {
  @ApiProperty({ type: String, example: 'throttle' }) field: string;
  @ApiProperty({ ...ANY_VALUE, description: 'the value before the change (null: none)' }) before: unknown;
  @ApiProperty({ ...ANY_VALUE, description: 'the value after the change (null: none)' }) after: unknown;
}

export class AuditTargetDto {
  @ApiProperty({ type: String, example: 'account', description: 'account, operator, token, session' }) type: string;
  @ApiPropertyOptional({ type: String, example: 'acc_YZ-8Zehgle0qtQC0' }) id?: string;
  @ApiPropertyOptional({ type: String, example: 'acme' }) name?: string;
}

/** One change, as recorded. Never carries a secret, a token or a key. */
export class AuditEntryDto {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({
    type: String,
    example: 'alice',
    description: 'an operator name, `cli:<os user>`, `client:<client id>` or `anonymous`',
  })
  actor: string;
  @ApiProperty({ enum: ['operator', 'cli', 'client', 'anonymous', 'system'] }) actorKind: string;
  @ApiProperty({ type: String, example: 'account.update' }) action: string;
  @ApiProperty({ type: () => AuditTargetDto }) target: AuditTargetDto;
  @ApiPropertyOptional({ type: String }) accountId?: string;
  @ApiPropertyOptional({ type: String }) accountName?: string;
  @ApiProperty({ type: () => [FieldChangeDto] }) changes: FieldChangeDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'facts of the outcome (tokens revoked, lockouts lifted, the address of a failed sign-in)',
  })
  detail?: Record<string, unknown>;
  @ApiPropertyOptional({ type: String }) requestId?: string;
}

/** One page of the audit log, newest first. */
export class AuditPageDto {
  @ApiProperty({ type: () => [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the next page, or null on the last one' }) nextPage:
    number | null;
}
