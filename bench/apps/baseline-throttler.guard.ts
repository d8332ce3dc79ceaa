import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from './nest-throttler';
import type { BaselineUser } from './baseline-bearer.strategy';

/**
 * `@nestjs/throttler` counts per client IP by default; a developer limiting API tokens keys it by
 * the authenticated token instead, which is also what Tollgate counts. Runs after the bearer guard.
 */
@Injectable()
export class BaselineThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return (req.user as BaselineUser | undefined)?.tokenHash ?? String(req.ip);
  }
}
