import { SOCKET_ERRORS } from './socket-errors';

/**
 * ioredis errors that mean "Redis is away", as opposed to a script or usage error. ioredis has no
 * classes for them, so they are matched by the messages it uses (see node_modules/ioredis: Redis.js,
 * Command.js, utils) and by socket error codes.
 */
/** Refusals ioredis gives before writing the command to any socket: Redis never saw it. */
const UNSENT_MESSAGES = [
  "Stream isn't writeable and enableOfflineQueue options is false",
  "Cluster isn't ready and enableOfflineQueue options is false",
];

const OUTAGE_MESSAGES = [
  'Connection is closed.',
  ...UNSENT_MESSAGES,
  'Command timed out',
  'None of startup nodes is available',
];

export function isRedisUnavailable(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown; code?: unknown } | undefined;
  if (!e) return false;
  if (e.name === 'MaxRetriesPerRequestError' || e.name === 'ClusterAllFailedError') return true;
  if (typeof e.message === 'string' && OUTAGE_MESSAGES.some((m) => (e.message as string).startsWith(m))) return true;
  return (
    typeof e.code === 'string' && SOCKET_ERRORS.has(e.code) && typeof e.message === 'string' && /redis/i.test(e.message)
  );
}

/**
 * True only when the command was never sent, so sending it again cannot apply it twice. A timeout or
 * a connection closed with the command in flight is not: Redis may have run it (and counted).
 */
export function isUnsentCommand(err: unknown): boolean {
  const message = (err as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && UNSENT_MESSAGES.some((m) => message.startsWith(m));
}
