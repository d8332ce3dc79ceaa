import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { MetricsService } from '@tollgate/metrics';
import { IpNotAllowedError } from '@tollgate/credentials';
import { BearerError, DomainError } from '@tollgate/domain-errors';
import { isStoreUnavailable } from '@tollgate/persistence';
import { routeAccessOf, type TollgateRequest } from '@tollgate/http';
import type { Principal } from '@tollgate/tokens';
import { type MeteredRoute, meteredRouteOf, UsageRegistrar } from '@tollgate/usage';
import { AdmissionService } from './admission.service';
import { ClientAddressGate } from './client-address.gate';
import type { AdmissionResult } from './admission.types';
import { type AppliedPolicy, limitPolicy, rateLimitHeaders, THROTTLE_WARNING_HEADER } from './rate-limit-headers';
import {
  ApiLimitedError,
  BurstLimitedError,
  CreditsExhaustedError,
  QuotaExceededError,
  ThrottledError,
  ThrottlingUnavailableError,
} from './throttling.errors';

/** What admission said about each request it admitted (for the limits route); held here, not on the request. */
const admissions = new WeakMap<object, AdmissionResult>();

/** The admission of a request this guard admitted (undefined on routes it does not throttle). */
export function admissionOf(request: object): AdmissionResult | undefined {
  return admissions.get(request);
}

/** Admissions against copies that keep going stale (writes landing faster than reads): then 503. */
const MAX_STALE_COPIES = 3;

/**
 * Runs after the access guard on every bearer route. Request-path budget: exactly one Redis call
 * (the admission script: revocation, disabling, the account copy's revision, lockouts, quota, count,
 * warnings and usage in one atomic step) and no Mongo call, in steady state. The client address is
 * checked against the account's allow list (this process's copy, see ClientAddressGate) before the
 * script, so a refused address counts nowhere. Only after Redis lost an account's state, or after a
 * write to the account, does its next request read Mongo (once per account and process) and run the
 * script a second time.
 */
@Injectable()
export class ThrottleGuard implements CanActivate {
  private readonly logger = new Logger(ThrottleGuard.name);
  private lastOutageLog = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly admission: AdmissionService,
    private readonly registrar: UsageRegistrar,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly metrics: MetricsService,
    private readonly addresses: ClientAddressGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<TollgateRequest<Principal>>();
    // Throttling applies to bearer routes, as the matched handler declares them (never the URL).
    if (routeAccessOf(this.reflector, context).kind !== 'bearer') return true;
    const principal = req.principal;
    // The access guard runs first and sets the principal on every bearer route; refuse rather than
    // serve if that ever did not happen.
    if (!principal) throw new BearerError('missing_token', 'an access token is required');
    const route = this.routeOf(context);

    let copy = this.addresses.copyFor(principal);
    if (!copy.allowList.isOpen && !copy.allowList.allows(req.ip))
      copy = await this.addresses.confirmRefusal(principal.accountId, copy, req.ip);
    let result: AdmissionResult;
    try {
      result = await this.admission.admit(principal, route, copy.revision);
      for (let stale = 1; result.status === 'stale-copy' && stale < MAX_STALE_COPIES; stale++) {
        // The account was written since this process's copy: read it, and check the address again
        // (nothing was counted). A read joined to one already in flight may predate the write; the
        // next round reads on its own.
        copy = await this.addresses.reload(principal.accountId, stale === 1);
        if (!copy.allowList.allows(req.ip)) throw new IpNotAllowedError();
        result = await this.admission.admit(principal, route, copy.revision);
      }
    } catch (err) {
      if (err instanceof DomainError || isStoreUnavailable(err)) throw err;
      return this.onOutage(err);
    }
    const reply = http.getResponse<FastifyReply>();
    const policy = principal.throttle;
    const main = (remaining: number, resetInSeconds: number): AppliedPolicy => ({
      name: 'token',
      limit: policy.limit,
      periodSeconds: policy.periodSeconds,
      remaining,
      resetInSeconds,
    });
    switch (result.status) {
      case 'ok': {
        admissions.set(req, result);
        // The token's own item, then the account's other limits that can refuse (none for most).
        const applied = [main(result.remaining, (result.resetAt - result.now) / 1000)];
        result.forEachLimit((name, limit, windowMs, remaining, resetInMs) =>
          applied.push(limitPolicy(name, limit, windowMs, remaining, resetInMs)),
        );
        reply.headers(rateLimitHeaders(applied));
        if (result.warnedAt > 0)
          reply.header(THROTTLE_WARNING_HEADER, `${result.warnedAt}; remaining=${result.remaining}`);
        if (result.register) this.registrar.register(principal.accountId);
        return true;
      }
      case 'locked': {
        const retryAfter = Math.max(1, Math.ceil((result.until - result.now) / 1000));
        if (result.fresh) {
          this.metrics.lockouts.inc({ scope: result.scope });
          this.registrar.register(principal.accountId);
        }
        throw new ThrottledError(result.scope, retryAfter, result.until, rateLimitHeaders([main(0, retryAfter)]));
      }
      case 'burst':
      case 'api': {
        const retryAfter = Math.max(1, Math.ceil((result.freeAt - result.now) / 1000));
        const periodSeconds = Math.round(result.periodMs / 1000);
        const name = result.status === 'burst' ? 'burst' : `api:${result.api}`;
        const headers = rateLimitHeaders([
          { name, limit: result.limit, periodSeconds, remaining: 0, resetInSeconds: retryAfter },
        ]);
        if (result.status === 'burst') throw new BurstLimitedError(result.limit, periodSeconds, retryAfter, headers);
        throw new ApiLimitedError(result.api, result.limit, periodSeconds, retryAfter, headers);
      }
      case 'credits': {
        if (result.fresh) this.registrar.register(principal.accountId);
        const remaining = Math.max(0, result.monthly - result.used);
        throw new CreditsExhaustedError(
          result.resetAt,
          Math.max(1, Math.ceil((result.resetAt - result.now) / 1000)),
          remaining,
          result.cost,
          rateLimitHeaders([calendarPolicy('credits', 'month', result.monthly, remaining, result.resetAt, result.now)]),
        );
      }
      case 'quota':
        throw new QuotaExceededError(
          result.api,
          result.period,
          result.resetAt,
          Math.max(1, Math.ceil((result.resetAt - result.now) / 1000)),
          rateLimitHeaders([
            calendarPolicy(
              `quota:${result.api}:${result.period}`,
              result.period,
              result.limit,
              0,
              result.resetAt,
              result.now,
            ),
          ]),
        );
      case 'disabled':
        throw new BearerError('invalid_token', 'the account is disabled');
      case 'revoked':
        throw new BearerError('invalid_token', 'the access token has been revoked');
      case 'rebuild':
      case 'unavailable':
      case 'stale-copy':
        // Redis lost this account's state and it could not be rebuilt from Mongo yet: refuse whatever
        // the outage policy says, since admitting could undo a revocation or a used-up quota.
        throw new ThrottlingUnavailableError();
    }
  }

  private readonly routes = new WeakMap<object, WeakMap<object, MeteredRoute>>();

  /**
   * The matched route's product and cost, read once per route. Keyed by controller, then handler:
   * controllers that inherit one handler can name different products.
   */
  private routeOf(context: ExecutionContext): MeteredRoute {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.routes.get(controller);
    if (!byHandler) this.routes.set(controller, (byHandler = new WeakMap()));
    let route = byHandler.get(handler);
    if (route === undefined) {
      route = meteredRouteOf(this.reflector, handler, controller);
      byHandler.set(handler, route);
    }
    return route;
  }

  /** Redis unreachable: the configured policy decides; the process never crashes and recovers by itself. */
  private onOutage(err: unknown): boolean {
    const now = Date.now();
    if (now - this.lastOutageLog > 10_000) {
      this.lastOutageLog = now;
      this.logger.error(
        { err: (err as Error)?.message, policy: this.config.redisFailurePolicy },
        'redis unavailable on the request path',
      );
    }
    if (this.config.redisFailurePolicy === 'fail-open') return true;
    throw new ThrottlingUnavailableError();
  }
}

/**
 * A quota or credit allocation of a UTC hour, day or month as a rate-limit policy: its window `w` is
 * the period's length (a month's, from the month that ends at `resetAt`).
 */
function calendarPolicy(
  name: string,
  period: 'hour' | 'day' | 'month',
  limit: number,
  remaining: number,
  resetAt: number,
  now: number,
): AppliedPolicy {
  const end = new Date(resetAt);
  const periodSeconds =
    period === 'hour'
      ? 3600
      : period === 'day'
        ? 86_400
        : (resetAt - Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1)) / 1000;
  return { name, limit, periodSeconds, remaining, resetInSeconds: (resetAt - now) / 1000 };
}
