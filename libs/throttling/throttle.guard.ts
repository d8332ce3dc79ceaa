import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { MetricsService } from '@tollgate/metrics';
import { BearerError } from '@tollgate/domain-errors';
import { routeAccessOf, type TollgateRequest } from '@tollgate/http';
import type { Principal } from '@tollgate/tokens';
import { API_PRODUCT, DEFAULT_API_PRODUCT, UsageRegistrar } from '@tollgate/usage';
import { AdmissionService } from './admission.service';
import type { AdmissionResult } from './admission.types';
import type { WindowState } from '@tollgate/access-state';
import { type AppliedPolicy, rateLimitHeaders, THROTTLE_WARNING_HEADER } from './rate-limit-headers';
import {
  ApiLimitedError,
  BurstLimitedError,
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

/**
 * Runs after the access guard on every bearer route. Request-path budget: exactly one Redis call
 * (the admission script: revocation, disabling, lockouts, quota, count, warnings and usage in one
 * atomic step) and no Mongo call, in steady state. Only after Redis lost an account's state does its
 * next request read Mongo (once per account, to rebuild it) and run the script a second time.
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
    const api = this.apiOf(context);

    let result: AdmissionResult;
    try {
      result = await this.admission.admit(principal, api);
    } catch (err) {
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
        const applied = [main(result.remaining, (result.resetAt - result.now) / 1000)];
        if (result.burst) applied.push(windowPolicy('burst', result.burst));
        if (result.apiWindow) applied.push(windowPolicy(`api:${api}`, result.apiWindow));
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
      case 'quota':
        throw new QuotaExceededError(
          result.api,
          result.period,
          result.resetAt,
          Math.max(1, Math.ceil((result.resetAt - result.now) / 1000)),
        );
      case 'disabled':
        throw new BearerError('invalid_token', 'the account is disabled');
      case 'revoked':
        throw new BearerError('invalid_token', 'the access token has been revoked');
      case 'rebuild':
      case 'unavailable':
        // Redis lost this account's state and it could not be rebuilt from Mongo yet: refuse whatever
        // the outage policy says, since admitting could undo a revocation or a used-up quota.
        throw new ThrottlingUnavailableError();
    }
  }

  private readonly apis = new WeakMap<object, WeakMap<object, string>>();

  /** Keyed by controller, then handler: controllers that inherit one handler can name different products. */
  private apiOf(context: ExecutionContext): string {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.apis.get(controller);
    if (!byHandler) this.apis.set(controller, (byHandler = new WeakMap()));
    let api = byHandler.get(handler);
    if (api === undefined) {
      api = this.reflector.getAllAndOverride<string>(API_PRODUCT, [handler, controller]) ?? DEFAULT_API_PRODUCT;
      byHandler.set(handler, api);
    }
    return api;
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

function windowPolicy(name: string, w: WindowState): AppliedPolicy {
  return {
    name,
    limit: w.limit,
    periodSeconds: Math.round(w.periodMs / 1000),
    remaining: w.remaining,
    resetInSeconds: w.resetInMs / 1000,
  };
}
