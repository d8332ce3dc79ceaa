import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every non-OAuth error: a stable code, a message for people, the request id to quote. */
export class ErrorBody {
  @ApiProperty({ example: 'not_found' }) error: string;
  @ApiProperty({ example: 'account "acme" not found' }) message: string;
  @ApiProperty({ example: '8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b' }) requestId: string;
}

export class FieldProblem {
  @ApiProperty({ example: 'quotas.0.limit' }) field: string;
  @ApiProperty({ type: [String], example: ['limit must not be less than 1'] }) problems: string[];
}

/** 400 from validation: the offending fields named, the first 20 of them. */
export class ValidationErrorBody extends ErrorBody {
  @ApiProperty({ example: 'validation_failed' }) declare error: string;
  @ApiProperty({
    type: [FieldProblem],
    maxItems: 20,
    description: 'at most 20 fields; `truncated` says when there were more',
  })
  fields: FieldProblem[];
  @ApiPropertyOptional({ description: 'present (true) when more fields were offending than are listed' })
  truncated?: boolean;
  @ApiPropertyOptional({ description: 'how many fields were offending, when `truncated`' }) fieldCount?: number;
}

/** 429 during a throttling lockout. */
export class ThrottledBody extends ErrorBody {
  @ApiProperty({ example: 'throttled' }) declare error: string;
  @ApiProperty({ enum: ['account', 'token'] }) scope: string;
  @ApiProperty({ description: 'seconds until the lockout ends', example: 300 }) retryAfter: number;
  @ApiProperty({ format: 'date-time' }) lockedUntil: string;
}

/** 429 while a hard quota is used up. */
export class QuotaExceededBody extends ErrorBody {
  @ApiProperty({ example: 'quota_exceeded' }) declare error: string;
  @ApiProperty({ example: 'companies' }) api: string;
  @ApiProperty({ enum: ['month', 'day', 'hour'] }) period: string;
  @ApiProperty({ format: 'date-time' }) resetAt: string;
}

/** 429 when the month's hard credit allocation has less left than the request costs. */
export class CreditsExhaustedBody extends ErrorBody {
  @ApiProperty({ example: 'credits_exhausted' }) declare error: string;
  @ApiProperty({ format: 'date-time', description: 'when the allocation renews (the next UTC month)' }) resetAt: string;
  @ApiProperty({ description: 'credits left this month', example: 3 }) remaining: number;
  @ApiProperty({ description: 'credits this request costs', example: 10 }) cost: number;
}

/** 429 over the account's burst window (no lockout). */
export class BurstLimitedBody extends ErrorBody {
  @ApiProperty({ example: 'burst_limited' }) declare error: string;
  @ApiProperty({ description: 'seconds until the window admits one more request', example: 1 }) retryAfter: number;
}

/** 429 over the account's window for this API (no lockout). */
export class ApiLimitedBody extends ErrorBody {
  @ApiProperty({ example: 'api_limited' }) declare error: string;
  @ApiProperty({ example: 'contacts' }) api: string;
  @ApiProperty({ description: 'seconds until the window admits one more request', example: 12 }) retryAfter: number;
}

/** 429 after too many failed authentications from one client address. */
export class TooManyFailuresBody extends ErrorBody {
  @ApiProperty({ example: 'too_many_failures' }) declare error: string;
  @ApiProperty({ description: 'seconds until the address may try again', example: 45 }) retryAfter: number;
}

/** RFC 6749 section 5.2 (also RFC 7009 and 7662). */
export class OAuthErrorBody {
  @ApiProperty({
    enum: [
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
      'unsupported_token_type',
      'temporarily_unavailable',
    ],
  })
  error: string;
  @ApiPropertyOptional() error_description?: string;
}
