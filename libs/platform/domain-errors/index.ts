export {
  BearerError,
  ConflictError,
  DomainError,
  MAX_LISTED_FIELDS,
  NotFoundError,
  OAuthError,
  StoreUnavailableError,
  ValidationFailedError,
  type DomainErrorKind,
} from './domain-error';
