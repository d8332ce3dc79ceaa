export { BearerError, ConflictError, DomainError, MAX_LISTED_FIELDS, NotFoundError, OAuthError, ValidationFailedError, type DomainErrorKind } from './domain-error';
