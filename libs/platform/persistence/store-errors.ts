import { SOCKET_ERROR_IN_MESSAGE, SOCKET_ERRORS } from './socket-errors';

/**
 * Driver errors that mean "the store is away or stuck", as opposed to a bad query or a bug: no server
 * could be selected, the connection dropped or timed out, the pool was cleared after a failure. They
 * are matched by name (and the driver's own labels) so this lib does not depend on the driver's
 * classes, which mongoose and the mongodb package each ship a copy of.
 */
const OUTAGE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
  // The process is shutting down and closed its client while a request still used it.
  'MongoClientClosedError',
]);

const MAX_TIME_MS_EXPIRED = 50;

/** Labels the driver puts on errors that a retry may cure because the server could not be used. */
const OUTAGE_LABELS = ['ResetPool', 'PoolRequestedRetry', 'SystemOverloadedError'];

export function isStoreUnavailable(err: unknown): boolean {
  type Shape = {
    name?: unknown;
    code?: unknown;
    cause?: unknown;
    errorResponse?: unknown;
    message?: unknown;
    errorLabelSet?: Set<string>;
  };
  // Follow `cause` and, for bulk errors, `errorResponse` (the driver wraps the connection's error there).
  for (
    let e = err as Shape | undefined, depth = 0;
    e && depth < 4;
    e = (e.cause ?? (e.name === 'MongoBulkWriteError' ? e.errorResponse : undefined)) as Shape | undefined, depth++
  ) {
    // A bulk write that failed as a whole because the connection failed names the socket error in its message.
    if (e.name === 'MongoBulkWriteError' && typeof e.message === 'string' && SOCKET_ERROR_IN_MESSAGE.test(e.message))
      return true;
    if (typeof e.name === 'string' && OUTAGE_NAMES.has(e.name)) return true;
    // MaxTimeMSExpired: the local store's watchdog gave up on a stuck command (we set no maxTimeMS
    // ourselves, so on MongoDB it too means the server could not answer in time).
    if (e.code === MAX_TIME_MS_EXPIRED) return true;
    // A socket error the driver passes on unwrapped when the store dies mid-command (EPIPE was seen
    // when the store was killed under load).
    if (typeof e.code === 'string' && SOCKET_ERRORS.has(e.code)) return true;
    if (e.errorLabelSet instanceof Set && OUTAGE_LABELS.some((l) => e.errorLabelSet!.has(l))) return true;
  }
  return false;
}
