import { DomainError } from '@tollgate/domain-errors';

/**
 * 403: the account's `allowedIps` does not include the client address. Raised before anything is
 * counted (a protected request) and only after client authentication succeeded (a token request),
 * so it tells a caller nothing it could not know.
 */
export class IpNotAllowedError extends DomainError {
  constructor() {
    super('forbidden', 'ip_not_allowed', "the account does not allow requests from this client's address");
  }
}
