import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { DomainError } from '@tollgate/domain-errors';

/** True when `presented` is the operator key; constant time whatever the lengths. */
export function isOperatorKey(config: TollgateConfig, presented: unknown): boolean {
  if (typeof presented !== 'string' || !presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(config.operatorKey).digest();
  return timingSafeEqual(a, b);
}

/**
 * Guards `/operator/v1` and `/metrics`: header `X-Operator-Key: <OPERATOR_KEY>` (or `Authorization:
 * Bearer <OPERATOR_KEY>`, which Prometheus can send); anything else is 401.
 */
@Injectable()
export class OperatorKeyGuard implements CanActivate {
  constructor(@Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const auth = req.headers.authorization;
    const bearer = typeof auth === 'string' && /^bearer /i.test(auth) ? auth.slice(7).trim() : undefined;
    if (!isOperatorKey(this.config, req.headers['x-operator-key']) && !isOperatorKey(this.config, bearer)) {
      throw new DomainError('unauthenticated', 'operator_key_required', 'a valid X-Operator-Key header is required');
    }
    return true;
  }
}
