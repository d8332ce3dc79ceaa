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

export type AdmissionResult =
  | {
      status: 'ok';
      remaining: number;
      resetAt: number;
      now: number;
      warnedAt: number;
      register: boolean;
      epoch: string;
    }
  | { status: 'locked'; scope: 'account' | 'token'; until: number; now: number; fresh: boolean }
  | { status: 'quota'; api: string; period: 'month' | 'day'; resetAt: number; now: number; limit: number }
  | { status: 'disabled' }
  | { status: 'revoked' }
  /** Redis has no state for the account (it was lost): nothing was admitted; rebuild, then retry. */
  | { status: 'rebuild' }
  /** The state could not be rebuilt (the record is unreachable): refuse with 503, never admit. */
  | { status: 'unavailable' };

export function parseAdmission(raw: string[]): AdmissionResult {
  switch (raw[0]) {
    case 'ok':
      return {
        status: 'ok',
        remaining: Number(raw[1]),
        resetAt: Number(raw[2]),
        now: Number(raw[3]),
        warnedAt: Number(raw[4]),
        register: raw[5] === '1',
        epoch: raw[7],
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
        period: raw[2] as 'month' | 'day',
        resetAt: Number(raw[3]),
        now: Number(raw[4]),
        limit: Number(raw[5]),
      };
    case 'disabled':
      return { status: 'disabled' };
    case 'rebuild':
      return { status: 'rebuild' };
    default:
      return { status: 'revoked' };
  }
}
