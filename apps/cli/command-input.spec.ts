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
});
