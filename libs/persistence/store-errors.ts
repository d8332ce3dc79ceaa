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
]);

const MAX_TIME_MS_EXPIRED = 50;
const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT']);

export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err as { name?: unknown; code?: unknown; cause?: unknown; errorLabelSet?: Set<string> } | undefined, depth = 0; e && depth < 4; e = e.cause as never, depth++) {
    if (typeof e.name === 'string' && OUTAGE_NAMES.has(e.name)) return true;
    // MaxTimeMSExpired: the local store's watchdog gave up on a stuck command (we set no maxTimeMS
    // ourselves, so on MongoDB it too means the server could not answer in time).
    if (e.code === MAX_TIME_MS_EXPIRED) return true;
    // A socket error the driver passes on unwrapped when the store dies mid-command (EPIPE was seen
    // when the store was killed under load).
    if (typeof e.code === 'string' && SOCKET_ERRORS.has(e.code)) return true;
    if (e.errorLabelSet instanceof Set && (e.errorLabelSet.has('ResetPool') || e.errorLabelSet.has('PoolRequestedRetry'))) return true;
  }
  return false;
}
