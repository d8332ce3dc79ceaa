import { USAGE_EVENT_TYPES, type UsageEventType } from '@tollgate/queue';

/** An alert is a usage event the worker recorded: the same types. */
export type AlertType = UsageEventType;
export const ALERT_TYPES: readonly AlertType[] = USAGE_EVENT_TYPES;

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
