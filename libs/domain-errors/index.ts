export { BearerError, ConflictError, DomainError, NotFoundError, OAuthError, ValidationFailedError, type DomainErrorKind } from './domain-error';
