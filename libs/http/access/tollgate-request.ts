import type { FastifyRequest } from 'fastify';
import type { OperatorIdentity } from './operator-identity';

/**
 * The authenticated caller of a bearer route, as far as the HTTP layer needs to know it: domains
 * (tokens) extend it with their own fields (policy snapshot, expiry).
 */
export interface Caller {
  accountId: string;
  tokenId: string;
  scopes: readonly string[];
}

/**
 * The one request type of every app that serves HTTP: Fastify's request (what Nest's guards,
 * interceptors and decorators and Fastify's hooks all receive, one object), with the caller, which
 * the access guard stores once in `principal` on bearer routes (and `operator` on operator routes). Everything else that reads the
 * caller (scopes, throttling, CORS, the request log line) reads it there. `P` is the caller type a
 * domain knows (tokens' `Principal`).
 */
export type TollgateRequest<P extends Caller = Caller> = FastifyRequest & {
  principal?: P;
  operator?: OperatorIdentity;
};
