import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { AccountsService } from '@tollgate/credentials';
import { JobName, jobOptions, QueueName, type UsageEvent } from '@tollgate/queue';
import { AlertsRepository } from './alerts.repository';
import type { Alert } from './alert.types';

@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly accounts: AccountsService,
    @InjectQueue(QueueName.Alerts) private readonly queue: Queue,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  /**
   * Records a snapshot's events as alerts (each once) and queues a webhook delivery for every one of
   * them not delivered yet, new or not: if a previous attempt died between recording and queueing,
   * the re-delivered snapshot queues it now (the job id dedupes, and delivery itself is idempotent).
   */
  async recordAndDispatch(accountId: string, events: UsageEvent[]): Promise<string[]> {
    if (!events.length) return [];
    const fresh = await this.record(accountId, events);
    const account = await this.accounts.getById(accountId);
    if (!account.alertWebhookUrl) return fresh;
    const pending = await this.alerts.undelivered(
      accountId,
      events.map((e) => `${accountId}:${e.id}`),
    );
    await this.queue.addBulk(
      pending.map((alertId) => ({
        name: JobName.AlertDelivery,
        data: { accountId, alertId },
        opts: jobOptions(JobName.AlertDelivery, { accountId, alertId, backoffMs: this.config.webhookBackoffMs }),
      })),
    );
    return fresh;
  }

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
      deliveredAt: null,
      deliveryAttempts: 0,
      lastDeliveryError: null,
    }));
    const fresh = await this.alerts.insertNew(docs);
    if (fresh.length) this.logger.log({ accountId, alerts: fresh.length }, 'alerts recorded');
    return fresh;
  }

  /** One page, newest first; `accountId` undefined lists every account (operators only). */
  async page(
    accountId: string | undefined,
    query: { type?: Alert['type']; since?: string; page?: number; pageSize?: number },
  ) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    // One extra row tells whether another page exists without a count query.
    const filter = {
      type: query.type,
      since: query.since ? new Date(query.since) : undefined,
      skip: (page - 1) * pageSize,
      limit: pageSize + 1,
    };
    const rows = accountId
      ? await this.alerts.listForAccount(accountId, filter)
      : await this.alerts.listAcrossAccounts(filter);
    return { items: rows.slice(0, pageSize), page, pageSize, nextPage: rows.length > pageSize ? page + 1 : null };
  }
}
