import { DomainError, type DomainErrorKind, ValidationFailedError } from '@tollgate/domain-errors';

/**
 * Exit codes, so scripts can tell "fix your command" from "not there" from "try again later".
 * Shown in `tollgate --help`.
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  notFound: 3,
  conflict: 4,
  unavailable: 5,
} as const;

const EXIT_BY_KIND: Partial<Record<DomainErrorKind, number>> = {
  invalid: EXIT.usage,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
  unavailable: EXIT.unavailable,
};

/** A failure the CLI itself detects (bad command line, configuration, unreachable dependency). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Names a DTO field by the flag an operator typed, so an error points at the command line. */
const FLAG_FOR_FIELD: Record<string, string> = {
  tokenTtlSeconds: '--ttl',
  maxActiveTokens: '--max-tokens',
  scopes: '--scopes',
  'throttle.limit': '--limit',
  'throttle.periodSeconds': '--period',
  'throttle.lockoutSeconds': '--lockout',
  'throttle.scope': '--scope',
  'throttle.burst': '--burst',
  'throttle.burst.limit': '--burst',
  'throttle.burst.periodSeconds': '--burst',
  'throttle.apis': '--api-limits',
  credits: '--credits',
  'credits.monthly': '--credits',
  'credits.enforce': '--credits',
  alertWebhookUrl: '--webhook',
  allowedIps: '--allowed-ips',
  tokenLimit: '--token-limit',
  metadata: '--metadata',
  status: '--status',
  graceSeconds: '--grace',
  period: '--period',
  start: '--start',
  end: '--end',
  account: '--account',
  search: '--search',
  type: '--type',
  since: '--since',
  page: '--page',
  pageSize: '--page-size',
};

/** `invalid --ttl: --ttl must not be less than 60; --limit: ...`: every offending field on one line. */
export function validationLine(err: ValidationFailedError): string {
  const parts = err.fields.map(({ field, problems }) => {
    const label = FLAG_FOR_FIELD[field] ?? field;
    const property = field.split('.').pop()!;
    const texts = problems.map((p) => (p.startsWith(`${property} `) ? `${label} ${p.slice(property.length + 1)}` : p));
    return `${label}: ${texts.join(', ')}`;
  });
  return `invalid ${parts.join('; ')}`;
}

/** Errors thrown by commander (unknown command, bad flag, help) carry a code and an exit code. */
function isCommanderError(err: unknown): err is Error & { code: string; exitCode: number } {
  const e = err as { code?: unknown; exitCode?: unknown };
  return (
    err instanceof Error &&
    typeof e.code === 'string' &&
    e.code.startsWith('commander.') &&
    typeof e.exitCode === 'number'
  );
}

/** Hides passwords in connection strings that an unexpected error message might quote. */
const scrub = (text: string) => text.replace(/(\/\/[^/:@\s]*):[^@\s]*@/g, '$1:***@');

/**
 * The one line (without the `tollgate: ` prefix) and the exit code for any failure. `line` is
 * undefined when commander has printed the message itself (or printed help). Never a stack trace.
 */
export function describeFailure(err: unknown): { line?: string; exitCode: number } {
  if (isCommanderError(err)) return { exitCode: err.exitCode === 0 ? EXIT.ok : EXIT.usage };
  if (err instanceof CliError) return { line: err.message, exitCode: err.exitCode };
  if (err instanceof ValidationFailedError) return { line: validationLine(err), exitCode: EXIT.usage };
  if (err instanceof DomainError) return { line: err.message, exitCode: EXIT_BY_KIND[err.kind] ?? EXIT.failed };
  const message = err instanceof Error ? err.message : String(err);
  return { line: `failed: ${scrub(message.split('\n')[0]).slice(0, 300) || 'unknown error'}`, exitCode: EXIT.failed };
}
