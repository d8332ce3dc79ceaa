export type AlertType =
  | 'throttle.warning'
  | 'throttle.lockout'
  | 'quota.warning'
  | 'quota.exceeded'
  | 'credits.warning'
  | 'credits.exhausted';
export const ALERT_TYPES: AlertType[] = [
  'throttle.warning',
  'throttle.lockout',
  'quota.warning',
  'quota.exceeded',
  'credits.warning',
  'credits.exhausted',
];

export interface Alert {
  id: string;
  accountId: string;
  type: AlertType;
  api: string;
  tokenId: string;
  threshold: number;
  limit: number;
  count: number;
  /**
   * ISO 8601: the throttling window's start (date-time), the quota's hour (`YYYY-MM-DDTHH`), day
   * (`YYYY-MM-DD`) or month (`YYYY-MM`), or the credits' month.
   */
  period: string;
  until: string | null;
  scope: string | null;
  at: string;
  deliveredAt: string | null;
}
