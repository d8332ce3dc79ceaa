export { DomainExceptionFilter } from './domain-exception.filter';
