import { Injectable, Logger } from '@nestjs/common';
import type { UsageEvent } from '@tollgate/queue';
import { type AlertFilter, AlertsRepository } from './alerts.repository';
import type { Alert } from './alert.types';

@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(private readonly alerts: AlertsRepository) {}

  /** Records the events of a usage snapshot as alerts, each exactly once; returns the ids that are new. */
  async record(accountId: string, events: UsageEvent[]): Promise<string[]> {
    const docs = events.map((e) => ({
      _id: `${accountId}:${e.id}`,
      accountId,
      type: e.type,
      api: e.api,
      tokenId: e.tokenId,
      threshold: e.threshold,
      limit: e.limit,
      count: e.count,
      period: e.period,
      until: e.until ? new Date(e.until) : null,
      scope: e.scope ?? null,
      at: new Date(e.at),
    }));
    const fresh = await this.alerts.insertNew(docs);
    if (fresh.length) this.logger.log({ accountId, alerts: fresh.length }, 'alerts recorded');
    return fresh;
  }

  listForAccount(accountId: string, filter: AlertFilter): Promise<Alert[]> {
    return this.alerts.listForAccount(accountId, filter);
  }

  listAcrossAccounts(filter: AlertFilter & { accountId?: string }): Promise<Alert[]> {
    return this.alerts.listAcrossAccounts(filter);
  }
}
