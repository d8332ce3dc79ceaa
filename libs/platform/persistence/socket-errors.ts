/**
 * Socket error codes that mean the server on the other end went away (refused, reset, closed or timed
 * out), for the store and Redis alike.
 */
export const SOCKET_ERRORS: ReadonlySet<string> = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
]);

/** One of SOCKET_ERRORS named in a message (a driver that wraps the socket's error keeps only its text). */
export const SOCKET_ERROR_IN_MESSAGE = new RegExp(`\\b(${[...SOCKET_ERRORS].join('|')})\\b`);
