/** What the admission script needs to decide one request, by name. Fixed for a token's life. */
export interface AdmissionRequest {
  accountId: string;
  tokenId: string;
  /** The token's generation: refused once the account's (revoke-all) is higher. */
  generation: number;
  /** Throttle policy snapshot the token was issued under. */
  limit: number;
  periodMs: number;
  lockoutMs: number;
  scope: 'account' | 'token';
  /** Fractions of `limit` at which a warning is raised, ascending. */
  warnAt: number[];
}

/** A GCRA window (burst or one API's) as it stood after admitting a request. */
export interface WindowState {
  limit: number;
  periodMs: number;
  remaining: number;
  /** Until the bucket is full again (`remaining` whole requests fit now). */
  resetInMs: number;
}

/** One limit as the admission script left it: its window and the time until it resets, in ms. */
export type LimitVisitor = (
  name: string,
  limit: number,
  windowMs: number,
  remaining: number,
  resetInMs: number,
) => void;

export type AdmissionResult =
  | {
      status: 'ok';
      remaining: number;
      resetAt: number;
      now: number;
      warnedAt: number;
      register: boolean;
      epoch: string;
      /** The account's burst window, when it has one. */
      burst?: WindowState;
      /** This API's window, when the account has one for it. */
      apiWindow?: WindowState;
      /**
       * Visits the limits that can refuse besides the token's main window, as they stand after this
       * request: the windows above (`burst`, `api:<api>`), this API's hard quotas not waived
       * (`quota:<api>:<period>`) and a hard credit allocation (`credits`), for the RateLimit headers.
       * Nothing for an account without such limits. Read straight from the script's reply.
       */
      forEachLimit(visit: LimitVisitor): void;
    }
  | { status: 'locked'; scope: 'account' | 'token'; until: number; now: number; fresh: boolean }
  | { status: 'quota'; api: string; period: 'month' | 'day' | 'hour'; resetAt: number; now: number; limit: number }
  /** The month's hard credit allocation has less left than this request costs: refused, nothing counted. */
  | {
      status: 'credits';
      resetAt: number;
      now: number;
      monthly: number;
      used: number;
      cost: number;
      /** This refusal raised the month's credits.exhausted event (the relay should ship it). */
      fresh: boolean;
    }
  /** The burst window (every API) or this API's window is full: refused, no lockout, nothing counted. */
  | { status: 'burst'; freeAt: number; now: number; limit: number; periodMs: number }
  | { status: 'api'; api: string; freeAt: number; now: number; limit: number; periodMs: number }
  | { status: 'disabled' }
  | { status: 'revoked' }
  /** Redis has no state for the account (it was lost): nothing was admitted; rebuild, then retry. */
  | { status: 'rebuild' }
  /** The caller's copy of the account is older than the record: nothing was admitted; read it, check again. */
  | { status: 'stale-copy' }
  /** The state could not be rebuilt (the record is unreachable): refuse with 503, never admit. */
  | { status: 'unavailable' };

/**
 * The script's reply. (Numbers the script computes come back as integer replies, so numbers at run
 * time: they are only ever read through Number().)
 */
export function parseAdmission(raw: string[]): AdmissionResult {
  switch (raw[0]) {
    case 'ok':
      // The limits are read from the reply when asked for (the request path's headers, the limits
      // route): no object per limit.
      return {
        status: 'ok',
        remaining: Number(raw[1]),
        resetAt: Number(raw[2]),
        now: Number(raw[3]),
        warnedAt: Number(raw[4]),
        register: raw[5] === '1',
        epoch: raw[7],
        get burst() {
          return windowState(raw, (name) => name === 'burst');
        },
        get apiWindow() {
          return windowState(raw, (name) => name.startsWith('api:'));
        },
        forEachLimit(visit: LimitVisitor) {
          for (let i = LIMITS_FROM; i + 4 < raw.length; i += 5)
            visit(raw[i], Number(raw[i + 1]), Number(raw[i + 2]), Number(raw[i + 3]), Number(raw[i + 4]));
        },
      };
    case 'burst':
      return {
        status: 'burst',
        freeAt: Number(raw[1]),
        now: Number(raw[2]),
        limit: Number(raw[3]),
        periodMs: Number(raw[4]),
      };
    case 'api':
      return {
        status: 'api',
        freeAt: Number(raw[1]),
        now: Number(raw[2]),
        limit: Number(raw[3]),
        periodMs: Number(raw[4]),
        api: raw[5],
      };
    case 'locked':
      return {
        status: 'locked',
        scope: raw[1] as 'account' | 'token',
        until: Number(raw[2]),
        now: Number(raw[3]),
        fresh: raw[4] === '1',
      };
    case 'quota':
      return {
        status: 'quota',
        api: raw[1],
        period: raw[2] as 'month' | 'day' | 'hour',
        resetAt: Number(raw[3]),
        now: Number(raw[4]),
        limit: Number(raw[5]),
      };
    case 'credits':
      return {
        status: 'credits',
        resetAt: Number(raw[1]),
        now: Number(raw[2]),
        monthly: Number(raw[3]),
        used: Number(raw[4]),
        cost: Number(raw[5]),
        fresh: raw[6] === '1',
      };
    case 'disabled':
      return { status: 'disabled' };
    case 'rebuild':
      return { status: 'rebuild' };
    case 'stale-copy':
      return { status: 'stale-copy' };
    default:
      return { status: 'revoked' };
  }
}

/** Limits from the 9th reply on: five replies each (name, limit, window ms, remaining, ms until reset). */
const LIMITS_FROM = 8;

/** The burst or API window among the limits, when the account has it. */
function windowState(raw: string[], named: (name: string) => boolean): WindowState | undefined {
  for (let i = LIMITS_FROM; i + 4 < raw.length; i += 5)
    if (named(raw[i]))
      return {
        limit: Number(raw[i + 1]),
        periodMs: Number(raw[i + 2]),
        remaining: Number(raw[i + 3]),
        resetInMs: Number(raw[i + 4]),
      };
  return undefined;
}
