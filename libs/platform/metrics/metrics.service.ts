import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics. Labels are bounded by construction: routes are route patterns
 * (never raw URLs), reasons and outcomes are fixed codes; no token, secret, account or other
 * unbounded value ever becomes a label.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'tollgate_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'tollgate_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'tollgate_refusals_total',
    help: '401/403/429/503 answers by status and reason code',
    labelNames: ['status', 'reason'],
    registers: [this.registry],
  });
  readonly tokensIssued = new Counter({
    name: 'tollgate_tokens_issued_total',
    help: 'Access tokens issued, by endpoint family',
    labelNames: ['via'],
    registers: [this.registry],
  });
  readonly lockouts = new Counter({
    name: 'tollgate_lockouts_total',
    help: 'Throttling lockouts started, by scope',
    labelNames: ['scope'],
    registers: [this.registry],
  });
  readonly snapshotsApplied = new Counter({
    name: 'tollgate_usage_snapshots_applied_total',
    help: 'Usage snapshots aggregated into Mongo',
    registers: [this.registry],
  });
  readonly eventsAggregated = new Counter({
    name: 'tollgate_usage_events_aggregated_total',
    help: 'Alert events carried by aggregated snapshots',
    registers: [this.registry],
  });
  readonly usageLag = new Histogram({
    name: 'tollgate_usage_queue_lag_seconds',
    help: 'Time a usage snapshot waited in the queue before a worker applied it',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'tollgate_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'tollgate_queue_jobs',
    help: 'Jobs per queue and state (sampled at scrape)',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  readonly accessStateRebuilds = new Counter({
    name: 'tollgate_access_state_rebuilds_total',
    help: 'Accounts whose Redis access state was found lost (no epoch) and rebuilt from Mongo by this process',
    registers: [this.registry],
  });
  readonly replicaShortfalls = new Counter({
    name: 'tollgate_access_state_replica_shortfalls_total',
    help: 'Security writes to Redis that no replica acknowledged within the wait (only counted when the node has replicas)',
    registers: [this.registry],
  });
  readonly relayBacklog = new Gauge({
    name: 'tollgate_usage_relay_accounts',
    help: 'Accounts with usage waiting for the relay (sampled at scrape)',
    registers: [this.registry],
  });

  readonly pendingTokenRecords = new Gauge({
    name: 'tollgate_pending_token_records',
    help: 'Issued tokens whose records wait in Redis to move to the store (sampled at scrape)',
    registers: [this.registry],
  });

  private readonly collectors: (() => Promise<void>)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tollgate_' });
  }

  /** Registers a sampler run before each scrape (queue depth, relay backlog). */
  onScrape(collector: () => Promise<void>): void {
    this.collectors.push(collector);
  }

  async render(): Promise<string> {
    await Promise.all(this.collectors.map((c) => c().catch(() => undefined)));
    return this.registry.metrics();
  }
}
