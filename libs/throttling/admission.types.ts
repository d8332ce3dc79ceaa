export type AdmissionResult =
  | { status: 'ok'; remaining: number; resetAt: number; now: number; warnedAt: number; register: boolean }
  | { status: 'locked'; scope: 'account' | 'token'; until: number; now: number; fresh: boolean }
  | { status: 'quota'; api: string; period: 'month' | 'day'; resetAt: number; now: number; limit: number }
  | { status: 'disabled' }
  | { status: 'revoked' };

export function parseAdmission(raw: string[]): AdmissionResult {
  switch (raw[0]) {
    case 'ok':
      return { status: 'ok', remaining: Number(raw[1]), resetAt: Number(raw[2]), now: Number(raw[3]), warnedAt: Number(raw[4]), register: raw[5] === '1' };
    case 'locked':
      return { status: 'locked', scope: raw[1] as 'account' | 'token', until: Number(raw[2]), now: Number(raw[3]), fresh: raw[4] === '1' };
    case 'quota':
      return { status: 'quota', api: raw[1], period: raw[2] as 'month' | 'day', resetAt: Number(raw[3]), now: Number(raw[4]), limit: Number(raw[5]) };
    case 'disabled':
      return { status: 'disabled' };
    default:
      return { status: 'revoked' };
  }
}
