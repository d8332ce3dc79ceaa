export { LoggingModule, logRequests, requestIdFrom, type RequestLogContext } from './logging.module';
export { redactRequestUrl } from './log-redaction';
