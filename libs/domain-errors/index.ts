export { BearerError, ConflictError, DomainError, NotFoundError, OAuthError, StoreUnavailableError, ValidationFailedError, type DomainErrorKind } from './domain-error';
