export { DomainExceptionFilter } from './domain-exception.filter';
export { UrlFreeFastifyAdapter } from './url-free-fastify.adapter';
