/**
 * The one queue contract shared by the API (producer) and the worker (consumer): queue names, job
 * names and their typed payloads. Processors live only in apps/worker.
 */
export enum QueueName {
  Usage = 'usage',
  Alerts = 'alerts',
}

export enum JobName {
  /** A snapshot of an account's running usage totals and the discrete events recorded with them. */
  UsageSnapshot = 'usage.snapshot',
  /** Deliver one alert to its account's webhook. */
  AlertDelivery = 'alert.delivery',
}

/** Running totals of one UTC day for one account, as counted atomically at admission. */
export interface UsageDayTotals {
  /**
   * The access-state epoch the totals were counted in (a usage segment): running totals restart
   * from zero in a new epoch after Redis lost the account's state, so each segment is stored on its
   * own and the report sums them. Absent: counted before epochs existed.
   */
  epoch?: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** Per API: transactions of the whole account that day. */
  apis: Record<string, number>;
  /** Per API and token: transactions that day (`tokens[api][tokenId]`). */
  tokens: Record<string, Record<string, number>>;
  /**
   * Per API: credits spent that day (the sum of the requests' costs). Absent in snapshots taken
   * before costs existed: then equal to the transactions.
   */
  credits?: Record<string, number>;
  /** Per API and UTC hour of the day (`hours[api]["13"]`): transactions. */
  hours?: Record<string, Record<string, number>>;
  /** Per API and UTC hour: credits. */
  hourCredits?: Record<string, Record<string, number>>;
}

export interface UsageMonthTotals {
  /** See UsageDayTotals.epoch. */
  epoch?: string;
  /** `YYYY-MM` (UTC). */
  month: string;
  apis: Record<string, number>;
  /** Per API: credits spent that month (see UsageDayTotals.credits). */
  credits?: Record<string, number>;
}

/** The events the admission script records (they become alerts of the same type). */
export const USAGE_EVENT_TYPES = [
  'throttle.warning',
  'throttle.lockout',
  'quota.warning',
  'quota.exceeded',
  'credits.warning',
  'credits.exhausted',
] as const;
export type UsageEventType = (typeof USAGE_EVENT_TYPES)[number];

/** A discrete event recorded by the admission script (throttle warning or lockout, quota or credit crossing). */
export interface UsageEvent {
  type: UsageEventType;
  /** Deterministic id: the same crossing always yields the same id, so re-deliveries dedupe. */
  id: string;
  tokenId: string;
  api: string;
  /** Epoch ms, from the script's clock. */
  at: number;
  /** Fraction crossed (warnings) or 1 (limit reached). */
  threshold: number;
  limit: number;
  count: number;
  /** Start of the throttling window or quota period the event belongs to (epoch ms or period key). */
  period: string;
  /** Lockout end, epoch ms (lockouts). */
  until?: number;
  scope?: 'account' | 'token';
}

export interface UsageSnapshotJob {
  accountId: string;
  /** Per-account relay sequence; with the account id it makes the job id deterministic. */
  seq: number;
  takenAt: number;
  days: UsageDayTotals[];
  months: UsageMonthTotals[];
  events: UsageEvent[];
}

export interface AlertDeliveryJob {
  alertId: string;
  accountId: string;
}

interface JobPayloads {
  [JobName.UsageSnapshot]: UsageSnapshotJob;
  [JobName.AlertDelivery]: AlertDeliveryJob;
}

/** The payload type of a job name: `JobOf<JobName.UsageSnapshot>`. */
export type JobOf<N extends JobName> = JobPayloads[N];
