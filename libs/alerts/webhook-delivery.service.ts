import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { AccountsService } from '@tollgate/credentials';
import { guardedPost, webhookTargetProblem } from '@tollgate/network-policy';
import { AlertsRepository } from './alerts.repository';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'no-webhook' | 'refused-target' | 'unknown-alert';

/** A failed attempt; BullMQ retries the job with backoff. */
export class WebhookDeliveryError extends Error {}

/**
 * Posts one alert to its account's webhook, signed. Idempotent per alert: once `deliveredAt` is set
 * a re-delivered job does nothing, and receivers can also dedupe on `Tollgate-Alert-Id`.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  async deliver(accountId: string, alertId: string): Promise<DeliveryOutcome> {
    const alert = await this.alerts.findById(accountId, alertId);
    if (!alert) return 'unknown-alert';
    if (alert.deliveredAt) return 'already-delivered';
    const account = await this.accounts.getById(accountId);
    if (!account.alertWebhookUrl) return 'no-webhook';
    // Checked again at delivery, with DNS: a host name may have been re-pointed at a private address.
    const problem = await webhookTargetProblem(account.alertWebhookUrl, this.config.allowPrivateWebhooks);
    if (problem) {
      await this.alerts.markAttemptFailed(accountId, alertId, `target refused: ${problem}`);
      this.logger.warn({ accountId, alertId, problem }, 'webhook target refused');
      return 'refused-target';
    }
    const { deliveredAt: _d, ...payload } = alert;
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(this.clock.now() / 1000);
    let status: number;
    try {
      // Redirects are not followed, and the connection's own DNS lookup refuses private addresses.
      status = await guardedPost(
        account.alertWebhookUrl,
        {
          'content-type': 'application/json',
          'user-agent': 'Tollgate-Webhooks/1',
          'tollgate-alert-id': alert.id,
          [SIGNATURE_HEADER]: signWebhook(account.alertWebhookSecret, timestamp, body),
        },
        body,
        { timeoutMs: this.config.webhookTimeoutMs, allowPrivate: this.config.allowPrivateWebhooks },
      );
    } catch (err) {
      const e = err as Error & { code?: string };
      const reason =
        e.name === 'TimeoutError'
          ? 'timed out'
          : e.code === 'EPRIVATE'
            ? 'target resolves to a private address'
            : 'connection failed';
      await this.alerts.markAttemptFailed(accountId, alertId, reason);
      throw new WebhookDeliveryError(`webhook ${reason}`);
    }
    if (status < 200 || status >= 300) {
      await this.alerts.markAttemptFailed(accountId, alertId, `HTTP ${status}`);
      throw new WebhookDeliveryError(`webhook answered HTTP ${status}`);
    }
    await this.alerts.markDelivered(accountId, alertId, new Date(this.clock.now()));
    this.logger.log({ accountId, alertId, type: alert.type }, 'webhook delivered');
    return 'delivered';
  }
}
