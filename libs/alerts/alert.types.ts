export type AlertType = 'throttle.warning' | 'throttle.lockout' | 'quota.warning' | 'quota.exceeded';
export const ALERT_TYPES: AlertType[] = ['throttle.warning', 'throttle.lockout', 'quota.warning', 'quota.exceeded'];

export interface Alert {
  id: string;
  accountId: string;
  type: AlertType;
  api: string;
  tokenId: string;
  threshold: number;
  limit: number;
  count: number;
  /** ISO 8601: the throttling window's start (date-time), or the quota's day (`YYYY-MM-DD`) or month (`YYYY-MM`). */
  period: string;
  until: string | null;
  scope: string | null;
  at: string;
  deliveredAt: string | null;
}
