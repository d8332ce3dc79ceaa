import { describe, expect, it } from 'vitest';
import { CreateAccountDto, UpdateAccountDto } from '@tollgate/credentials';
import { ValidationFailedError } from '@tollgate/domain-errors';
import { describeFailure, EXIT } from './cli.errors';
import { policyFromFlags, validated } from './command-input';

const current = { limit: 100, periodSeconds: 60, lockoutSeconds: 120, scope: 'token' as const, warnAt: [0.5] };

describe('policyFromFlags', () => {
  it('reads burst and API windows as limit/seconds, and none as their removal', () => {
    expect(policyFromFlags({ burst: '10/1', apiLimits: 'contacts=100/60, companies=5/2' })).toEqual({
      throttle: {
        limit: 1000,
        burst: { limit: 10, periodSeconds: 1 },
        apis: [
          { api: 'contacts', limit: 100, periodSeconds: 60 },
          { api: 'companies', limit: 5, periodSeconds: 2 },
        ],
      },
    });
    expect(policyFromFlags({ burst: 'none', apiLimits: 'none' }, { limit: 7 })).toEqual({
      throttle: { limit: 7, burst: null, apis: [] },
    });
    // Malformed values reach the DTO as typed, which refuses them with its own message.
    expect(policyFromFlags({ burst: 'ten/1' })).toEqual({
      throttle: { limit: 1000, burst: { limit: 'ten', periodSeconds: 1 } },
    });
  });

  it('reads credits as monthly[/enforce], and none as their removal', () => {
    expect(policyFromFlags({ credits: '100000/alert' })).toEqual({ credits: { monthly: 100000, enforce: 'alert' } });
    expect(policyFromFlags({ credits: '500' })).toEqual({ credits: { monthly: 500 } });
    expect(policyFromFlags({ credits: 'none' })).toEqual({ credits: null });
    expect(policyFromFlags({ credits: '1/2/3' })).toEqual({ credits: { monthly: '1/2/3' } });
  });

  it('maps flags to the API body, numbers as numbers and the rest as typed', () => {
    expect(
      policyFromFlags({ ttl: '600', maxTokens: '3', scopes: 'a, b,,c', webhook: 'https://h.example/x', limit: 'ten' }),
    ).toEqual({
      tokenTtlSeconds: 600,
      maxActiveTokens: 3,
      scopes: ['a', 'b', 'c'],
      alertWebhookUrl: 'https://h.example/x',
      throttle: { limit: 'ten' },
    });
    expect(policyFromFlags({ webhook: 'none' })).toEqual({ alertWebhookUrl: null });
    expect(
      policyFromFlags({
        allowedIps: '203.0.113.0/24, 2001:db8::/32',
        tokenLimit: 'revoke-oldest',
        metadata: '{"plan":"gold"}',
      }),
    ).toEqual({
      allowedIps: ['203.0.113.0/24', '2001:db8::/32'],
      tokenLimit: 'revoke-oldest',
      metadata: { plan: 'gold' },
    });
    expect(policyFromFlags({ allowedIps: 'none', metadata: 'plan=gold' })).toEqual({
      allowedIps: [],
      metadata: 'plan=gold',
    });
    expect(policyFromFlags({})).toEqual({});
  });

  it('on create, a throttle flag without --limit keeps the default limit; on update, only the given fields change', () => {
    expect(policyFromFlags({ period: '60' })).toEqual({ throttle: { limit: 1000, periodSeconds: 60 } });
    expect(policyFromFlags({ limit: '5' }, current)).toEqual({ throttle: { ...current, limit: 5 } });
  });
});

describe('validated', () => {
  it('checks flags with the API DTOs and names the offending flags on one line', async () => {
    const err = await validated(CreateAccountDto, {
      name: 'Bad Name',
      ...policyFromFlags({ ttl: '5', limit: '0' }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect(describeFailure(err)).toEqual({
      line: 'invalid name: name must be 3 to 64 of a-z 0-9 -; --ttl: --ttl must not be less than 60; --limit: --limit must not be less than 1',
      exitCode: EXIT.usage,
    });
  });

  it('returns the DTO instance when the input is valid, and refuses fields the DTO does not know', async () => {
    const dto = await validated(UpdateAccountDto, {
      status: 'disabled',
      ...policyFromFlags({ scope: 'account' }, current),
    });
    expect(dto).toBeInstanceOf(UpdateAccountDto);
    expect(dto.throttle).toMatchObject({ scope: 'account', limit: 100 });
    await expect(validated(UpdateAccountDto, { owner: 'x' })).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('names the flags of bad allow lists, token limits and metadata', async () => {
    const err = await validated(UpdateAccountDto, {
      ...policyFromFlags({ allowedIps: '10.0.0.0/33', tokenLimit: 'evict', metadata: 'plan=gold' }),
    }).catch((e: unknown) => e);
    const { line } = describeFailure(err);
    expect(line).toContain(
      '--allowed-ips: --allowed-ips entry "10.0.0.0/33" is not an IPv4 or IPv6 address or CIDR block',
    );
    expect(line).toContain('--token-limit');
    expect(line).toContain('--metadata: --metadata must be an object of string values');
  });
});
