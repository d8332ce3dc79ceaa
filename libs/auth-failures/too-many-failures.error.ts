import { DomainError } from '@tollgate/domain-errors';

/** Too many failed authentications from one client address: 429 with Retry-After until the window ends. */
export class TooManyFailuresError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'too_many',
      'too_many_failures',
      `too many failed authentications from this address; retry in ${retryAfterSeconds} s`,
      { retryAfter: retryAfterSeconds },
    );
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}
