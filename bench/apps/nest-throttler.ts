import type { CanActivate, DynamicModule, ExecutionContext } from '@nestjs/common';

/**
 * `@nestjs/throttler`, loaded at run time, with the few types the baseline uses declared here. It is
 * needed by the bench's baseline only, so the repository's type check (tsconfig includes bench/)
 * must not depend on it being installed; bench/main.ts checks for it before starting.
 */

export interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** The storage contract of @nestjs/throttler 6. */
export interface ThrottlerStorage {
  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord>;
}

interface ThrottlerModuleOptions {
  throttlers: { name?: string; ttl: number; limit: number }[];
  storage?: ThrottlerStorage;
}

// Only its type is used: the class itself comes from the package, loaded below.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
declare class ThrottlerGuardClass implements CanActivate {
  canActivate(context: ExecutionContext): Promise<boolean>;
  protected getTracker(req: Record<string, unknown>): Promise<string>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: loaded only when the bench runs it
const throttler = require('@nestjs/throttler') as {
  ThrottlerModule: { forRoot(options: ThrottlerModuleOptions): DynamicModule };
  ThrottlerGuard: typeof ThrottlerGuardClass;
};

export const ThrottlerModule = throttler.ThrottlerModule;
export const ThrottlerGuard = throttler.ThrottlerGuard;
