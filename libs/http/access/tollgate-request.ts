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

/** What the HTTP layer leaves on a request: the caller, set once by the access guard on bearer routes (the operator on operator routes). */
export interface TollgateRequest<P extends Caller = Caller> {
  id: string;
  principal?: P;
  operator?: OperatorIdentity;
  method?: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string; config?: unknown };
  raw?: { rawHeaders?: string[]; tollgate?: Caller };
}
