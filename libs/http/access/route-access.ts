import { type ExecutionContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import type { Reflector } from '@nestjs/core';
import type { OperatorRole } from './operator-identity';

/** Metadata key of a route's access rule (`@Public()`, `@Operator()`); absent means a bearer token is required. */
export const ROUTE_ACCESS = 'tollgate:access';
/** Metadata key of the scopes a bearer route requires (`@RequireScopes`). */
export const REQUIRED_SCOPES = 'tollgate:scopes';
/** Metadata key of the role an operator route requires (`@Operator({ role })`). */
export const OPERATOR_ROLE = 'tollgate:operator-role';

/**
 * Who may call a route:
 * - `public`: anyone (health probes, the OAuth endpoints that authenticate clients themselves, docs);
 * - `operator`: the operator key;
 * - `bearer`: a valid access token with the route's scopes; the default for every route that says nothing.
 */
export type AccessKind = 'public' | 'operator' | 'bearer';

export interface RouteAccess {
  kind: AccessKind;
  scopes: readonly string[];
  /**
   * The least role an operator route admits: what `@Operator({ role })` says, else `viewer` for a
   * route declared as GET (a read) and `admin` for any other method. Closed by default: a route that
   * changes something is for admins unless it says otherwise.
   */
  operatorRole: OperatorRole;
}

/**
 * Cached by controller class, then handler: two controllers can share one handler function (both
 * extend a base class that declares the route) while declaring different access rules.
 */
const byClass = new WeakMap<object, WeakMap<object, RouteAccess>>();

/**
 * The access rule of the handler Nest matched (method metadata first, then its controller's). Read
 * once per controller and handler, never per request, and never from the request URL: however a path is spelled,
 * the rule is the one of the route the router resolved.
 */
export function routeAccessOf(reflector: Reflector, context: ExecutionContext): RouteAccess {
  const handler = context.getHandler();
  const controller = context.getClass();
  let byHandler = byClass.get(controller);
  if (!byHandler) byClass.set(controller, (byHandler = new WeakMap()));
  let access = byHandler.get(handler);
  if (!access) {
    access = handlerAccess(reflector, handler, controller);
    byHandler.set(handler, access);
  }
  return access;
}

/**
 * The access rule of one handler of one controller, as the guard reads it. The OpenAPI document is
 * built from the same function, so what it says a route needs is what the guard enforces.
 */
export function handlerAccess(reflector: Reflector, handler: object, controller: object): RouteAccess {
  const targets = [handler as Function, controller as Function];
  const declared = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  return {
    kind: reflector.getAllAndOverride<AccessKind>(ROUTE_ACCESS, targets) ?? 'bearer',
    scopes: reflector.getAllAndOverride<string[]>(REQUIRED_SCOPES, targets) ?? [],
    operatorRole:
      reflector.getAllAndOverride<OperatorRole>(OPERATOR_ROLE, targets) ??
      (declared === RequestMethod.GET ? 'viewer' : 'admin'),
  };
}
