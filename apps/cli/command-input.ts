import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '@tollgate/credentials';
import { ValidationFailedError } from '@tollgate/domain-errors';

/**
 * The services are entered here from a command line, not through the API's validation pipe, so
 * input is checked with the same DTO classes and the same options (unknown fields refused).
 */
export async function validated<T extends object>(
  dto: ClassConstructor<T>,
  plain: Record<string, unknown>,
): Promise<T> {
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw ValidationFailedError.fromClassValidator(errors);
  return instance;
}

/**
 * Flags arrive as strings. Whole numbers become numbers; anything else stays a string so the DTO
 * refuses it with its own message ("must be an integer number"), as it would refuse it over HTTP.
 */
export const integer = (raw: string | undefined): number | string | undefined =>
  raw !== undefined && /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;

/** `a,b , c` → `['a', 'b', 'c']`. */
export const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Drops undefined values, so an absent flag is an absent field (not `null`). */
export function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** The account policy flags shared by `accounts create` and `accounts update`. */
export interface PolicyFlags {
  limit?: string;
  period?: string;
  lockout?: string;
  scope?: string;
  ttl?: string;
  maxTokens?: string;
  scopes?: string;
  webhook?: string;
  allowedIps?: string;
  tokenLimit?: string;
  metadata?: string;
  /** `<limit>/<seconds>` (e.g. `10/1`), or `none`. */
  burst?: string;
  /** `<api>=<limit>/<seconds>,…` (e.g. `contacts=100/60`), or `none`. */
  apiLimits?: string;
  /** `<monthly>[/hard|alert]` (e.g. `100000/alert`), or `none`. */
  credits?: string;
}

/**
 * `--metadata '{"plan":"gold"}'`: a JSON object (it replaces the account's metadata whole). Text that
 * is not JSON is passed on as it is, and the DTO refuses it ("metadata must be an object ...").
 */
function metadataFlag(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * `10/1` → `{ limit: 10, periodSeconds: 1 }`; anything else is passed on as typed (numbers where
 * they are whole), so the DTO refuses it with its own message.
 */
function window(raw: string): Record<string, unknown> {
  const [limit, periodSeconds, ...rest] = raw.split('/');
  return rest.length ? { limit: raw } : { limit: integer(limit), periodSeconds: integer(periodSeconds) };
}

/** `100000/alert` → `{ monthly: 100000, enforce: 'alert' }`; the DTO refuses what is not one. */
function creditsFlag(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  if (raw === 'none') return null;
  const [monthly, enforce, ...rest] = raw.split('/');
  return rest.length ? { monthly: raw } : defined({ monthly: integer(monthly), enforce });
}

function apiWindows(raw: string): Record<string, unknown>[] {
  if (raw === 'none') return [];
  return list(raw).map((entry) => {
    const at = entry.indexOf('=');
    return at < 0 ? { api: entry } : { api: entry.slice(0, at), ...window(entry.slice(at + 1)) };
  });
}

/**
 * Account policy fields (the API's request body) from flags. Throttle flags change only the fields
 * given: the others come from `throttleBase` (the account's current policy on update; on create
 * the default limit, the service filling in the rest as it does for an HTTP body).
 */
export function policyFromFlags(
  flags: PolicyFlags,
  throttleBase: Partial<ThrottlePolicy> = { limit: DEFAULT_THROTTLE.limit },
): Record<string, unknown> {
  const throttle = defined({
    limit: integer(flags.limit),
    periodSeconds: integer(flags.period),
    lockoutSeconds: integer(flags.lockout),
    scope: flags.scope,
    burst: flags.burst === undefined ? undefined : flags.burst === 'none' ? null : window(flags.burst),
    apis: flags.apiLimits === undefined ? undefined : apiWindows(flags.apiLimits),
  });
  return defined({
    tokenTtlSeconds: integer(flags.ttl),
    maxActiveTokens: integer(flags.maxTokens),
    scopes: flags.scopes !== undefined ? list(flags.scopes) : undefined,
    alertWebhookUrl: flags.webhook === 'none' ? null : flags.webhook,
    allowedIps: flags.allowedIps === undefined ? undefined : flags.allowedIps === 'none' ? [] : list(flags.allowedIps),
    tokenLimit: flags.tokenLimit,
    metadata: metadataFlag(flags.metadata),
    credits: creditsFlag(flags.credits),
    throttle: Object.keys(throttle).length ? { ...throttleBase, ...throttle } : undefined,
  });
}
