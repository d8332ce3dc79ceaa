import { Injectable } from '@nestjs/common';
import { Option } from 'nest-commander';
import type { PolicyFlags } from '../command-input';
import { OperatorCommand, type OutputOptions } from './operator.command';

export type PolicyOptions = PolicyFlags & OutputOptions;

/**
 * The policy flags of `accounts create` and `accounts update`. Values are passed on as typed; the
 * account DTOs validate them (see command-input.ts).
 */
@Injectable()
export abstract class AccountPolicyCommand extends OperatorCommand {
  @Option({ flags: '--limit <n>', description: 'throttle: requests per token per period' })
  parseLimit(value: string): string {
    return value;
  }

  @Option({ flags: '--period <seconds>', description: 'throttle: period length' })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({
    flags: '--lockout <seconds>',
    description: 'throttle: lockout after the limit is exceeded (default: the period)',
  })
  parseLockout(value: string): string {
    return value;
  }

  @Option({
    flags: '--scope <account|token>',
    description: 'throttle: lock every token of the account, or only the offender',
  })
  parseScope(value: string): string {
    return value;
  }

  @Option({
    flags: '--burst <limit/seconds>',
    description: 'throttle: a short window per token on top of the main one, e.g. 10/1 ("none" removes it)',
  })
  parseBurst(value: string): string {
    return value;
  }

  @Option({
    flags: '--api-limits <api=limit/seconds,...>',
    description: 'throttle: a window per API per token, e.g. contacts=100/60 ("none" removes them)',
  })
  parseApiLimits(value: string): string {
    return value;
  }

  @Option({
    flags: '--credits <monthly[/hard|alert]>',
    description: 'credits per UTC month across all APIs, e.g. 100000/hard (default hard; "none" removes it)',
  })
  parseCredits(value: string): string {
    return value;
  }

  @Option({ flags: '--ttl <seconds>', description: 'access token lifetime' })
  parseTtl(value: string): string {
    return value;
  }

  @Option({ flags: '--max-tokens <n>', description: 'live tokens the account may hold' })
  parseMaxTokens(value: string): string {
    return value;
  }

  @Option({ flags: '--scopes <a,b>', description: 'scopes tokens may carry, comma-separated' })
  parseScopes(value: string): string {
    return value;
  }

  @Option({ flags: '--webhook <url>', description: 'alert webhook URL ("none" removes it)' })
  parseWebhook(value: string): string {
    return value;
  }

  @Option({
    flags: '--allowed-ips <a,b>',
    description: 'client addresses and CIDR blocks (IPv4, IPv6), comma-separated ("none": any address)',
  })
  parseAllowedIps(value: string): string {
    return value;
  }

  @Option({
    flags: '--token-limit <refuse|revoke-oldest>',
    description: 'at max-tokens: refuse the token request, or revoke the oldest live token',
  })
  parseTokenLimit(value: string): string {
    return value;
  }

  @Option({
    flags: '--metadata <json>',
    description: "labels of your own as a JSON object of strings (replaces them all; '{}' clears them)",
  })
  parseMetadata(value: string): string {
    return value;
  }
}
