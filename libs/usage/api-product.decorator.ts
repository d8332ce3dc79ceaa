import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiExtension, ApiTags } from '@nestjs/swagger';

export const API_PRODUCT = 'tollgate:api-product';
export const API_COST = 'tollgate:api-cost';
/** Product of `/api/v1` routes that declare none. */
export const DEFAULT_API_PRODUCT = 'default';
/** Credits a request spends when neither its route nor its controller names a cost. */
export const DEFAULT_COST = 1;
/** The largest cost a route may declare (a request can never spend more than one allocation). */
export const MAX_COST = 1_000_000;

/** What a bearer route's requests are metered as: the API product and what each request costs. */
export interface MeteredRoute {
  api: string;
  /** Credits one request spends (windows and quotas count requests, credits count cost). */
  cost: number;
}

function checkedCost(cost: number): number {
  if (!Number.isInteger(cost) || cost < 0 || cost > MAX_COST)
    throw new Error(`a cost must be a whole number from 0 to ${MAX_COST} (got ${JSON.stringify(cost)})`);
  return cost;
}

/**
 * Names the API product a controller (or route) belongs to: its requests are metered, reported and
 * quota-checked under this name. A team adding a module declares it once, on the controller; it also
 * tags the routes in OpenAPI (their security, rate-limit headers and refusals come from the access
 * metadata every bearer route has). `cost`: the credits each request of these routes spends (default
 * 1); a route overrides it with {@link Cost}.
 */
export const ApiProduct = (name: string, options: { cost?: number } = {}) => {
  if (!/^[a-z0-9-]{1,64}$/.test(name))
    throw new Error(`ApiProduct name must be 1-64 of a-z 0-9 - (got ${JSON.stringify(name)})`);
  return applyDecorators(
    SetMetadata(API_PRODUCT, name),
    ...(options.cost === undefined
      ? []
      : [SetMetadata(API_COST, checkedCost(options.cost)), ApiExtension('x-tollgate-cost', options.cost)]),
    ApiTags(name),
  );
};

/**
 * The credits one request of this route spends (for example a bulk export costs 10), over the
 * controller's {@link ApiProduct} cost. Documented on the operation as `x-tollgate-cost`.
 */
export const Cost = (credits: number) =>
  applyDecorators(SetMetadata(API_COST, checkedCost(credits)), ApiExtension('x-tollgate-cost', credits));

/** The matched route's product and cost: the route's declarations over its controller's. */
export function meteredRouteOf(reflector: Reflector, handler: Function, controller: Function): MeteredRoute {
  const targets = [handler, controller];
  return {
    api: reflector.getAllAndOverride<string>(API_PRODUCT, targets) ?? DEFAULT_API_PRODUCT,
    cost: reflector.getAllAndOverride<number>(API_COST, targets) ?? DEFAULT_COST,
  };
}

/**
 * The customer's own account routes (`/api/v1/admin/*`: limits, usage, alerts, tokens): metered,
 * windowed and quota-checked as `admin` like any product, but they spend no credits, so a client that
 * used up its allocation can still see its usage and why it is refused.
 */
export const AccountAdminProduct = () => ApiProduct('admin', { cost: 0 });
