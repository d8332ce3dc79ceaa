import { ApiProperty, OmitType } from '@nestjs/swagger';
import { ClientSecretViewDto } from './client-secret-view.dto';

class ThrottlePolicyViewDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) periodSeconds: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) lockoutSeconds: number;
  @ApiProperty({ enum: ['account', 'token'] }) scope: 'account' | 'token';
  @ApiProperty({ type: [Number] }) warnAt: number[];
}

class QuotaPolicyViewDto {
  @ApiProperty({ type: String }) api: string;
  @ApiProperty({ enum: ['month', 'day', 'hour'] }) period: 'month' | 'day' | 'hour';
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: [Number] }) warnAt: number[];
  @ApiProperty({ enum: ['hard', 'alert'] }) enforce: 'hard' | 'alert';
}

class CreditPolicyViewDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) monthly: number;
  @ApiProperty({ enum: ['hard', 'alert'] }) enforce: 'hard' | 'alert';
  @ApiProperty({ type: [Number] }) warnAt: number[];
}

/** An account as the operator API shows it: its policy, never a secret's value or hash. */
export class AccountViewDto {
  @ApiProperty({ type: String, example: 'acc_YZ-8Zehgle0qtQC0' }) accountId: string;
  @ApiProperty({ type: String, pattern: '^[a-z0-9-]{3,64}$' }) name: string;
  @ApiProperty({ type: String, example: 'tgc_…' }) clientId: string;
  @ApiProperty({ enum: ['active', 'disabled', 'deleted'] }) status: string;
  @ApiProperty({ type: 'integer' }) tokenTtlSeconds: number;
  @ApiProperty({ type: 'integer' }) maxActiveTokens: number;
  @ApiProperty({ type: [String] }) scopes: string[];
  @ApiProperty({ type: () => ThrottlePolicyViewDto }) throttle: ThrottlePolicyViewDto;
  @ApiProperty({ type: () => [QuotaPolicyViewDto] }) quotas: QuotaPolicyViewDto[];
  @ApiProperty({ type: () => CreditPolicyViewDto, required: false, description: 'only when an allocation is set' })
  credits?: CreditPolicyViewDto;
  @ApiProperty({ type: [String] }) allowedOrigins: string[];
  @ApiProperty({ type: [String], description: 'client addresses and CIDR blocks, normalised; empty: any' })
  allowedIps: string[];
  @ApiProperty({ enum: ['refuse', 'revoke-oldest'] }) tokenLimit: 'refuse' | 'revoke-oldest';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'never used for a decision' })
  metadata: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) alertWebhookUrl: string | null;
  @ApiProperty({ type: String, description: 'key of the HMAC-SHA-256 signature on webhook deliveries (`whsec_…`)' })
  alertWebhookSecret: string;
  @ApiProperty({ type: () => [ClientSecretViewDto] }) secrets: ClientSecretViewDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', required: false, description: 'only on a deleted account' })
  deletedAt?: string;
}

/** An account in a listing, or as deletion answers it: the view without the webhook signing key. */
export class AccountListItemDto extends OmitType(AccountViewDto, ['alertWebhookSecret'] as const) {}

export class AccountPageDto {
  @ApiProperty({ type: () => [AccountListItemDto] }) items: AccountListItemDto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 }) pageSize: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
}
